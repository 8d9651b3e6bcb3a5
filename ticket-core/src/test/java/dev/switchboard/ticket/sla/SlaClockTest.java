package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlaClockTest {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SlaClock BRUSSELS_OFFICE = new SlaClock(
            BusinessCalendar.parse("Europe/Brussels", "MON-FRI 09:00-17:00", "2026-12-25,2027-01-01"));

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aCriticalTicketOpenedFridayEveningIsDueMondayMorningInBrussels() {
        Instant fridayEvening = at("2026-11-27T19:30", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.dueAt(fridayEvening, Duration.ofHours(1)))
                .isEqualTo(at("2026-11-30T10:00", BRUSSELS));
    }

    @Test
    void timeLeftAtClosingCarriesOverToTheNextMorning() {
        Instant thursdayAfternoon = at("2026-11-26T16:30", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.dueAt(thursdayAfternoon, Duration.ofHours(2)))
                .isEqualTo(at("2026-11-27T10:30", BRUSSELS));
    }

    @Test
    void christmasAndTheWeekendDoNotCount() {
        // Thursday 24 Dec 16:00 + 4 h: 1 h on Thursday, Friday 25 is a holiday, then Monday 09:00-12:00.
        assertThat(BRUSSELS_OFFICE.dueAt(at("2026-12-24T16:00", BRUSSELS), Duration.ofHours(4)))
                .isEqualTo(at("2026-12-28T12:00", BRUSSELS));
    }

    @Test
    void aWorkingDayKeepsItsLocalHoursWhenBrusselsSpringsForward() {
        // Sunday 29 March 2026 clocks go 02:00 -> 03:00; Monday still opens at 09:00 local (07:00 UTC).
        Instant saturday = at("2026-03-28T12:00", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.dueAt(saturday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void aWorkingDayKeepsItsLocalHoursWhenBrusselsFallsBack() {
        // Sunday 25 October 2026 clocks go 03:00 -> 02:00; Monday opens at 09:00 local (08:00 UTC).
        Instant friday = at("2026-10-23T16:00", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.dueAt(friday, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(BRUSSELS_OFFICE.businessTimeBetween(friday, Instant.parse("2026-10-26T09:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aNightShiftAcrossTheNewYorkSpringChangeCountsOnlyRealHours() {
        // 14 March 2027: 02:00 does not exist in New York; a 00:00-06:00 shift lasts five real hours.
        SlaClock nights = new SlaClock(BusinessCalendar.parse("America/New_York", "MON-SUN 00:00-06:00", ""));
        assertThat(nights.businessTimeBetween(at("2027-03-14T00:00", NEW_YORK), at("2027-03-14T06:00", NEW_YORK)))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aSplitDayPausesOverLunch() {
        SlaClock split = new SlaClock(BusinessCalendar.parse("Europe/Brussels", "MON-FRI 09:00-12:30 13:30-17:00", ""));
        assertThat(split.dueAt(at("2026-11-25T12:00", BRUSSELS), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-25T14:00", BRUSSELS));
    }

    @Test
    void aroundTheClockEveryMinuteCounts() {
        SlaClock always = new SlaClock(BusinessCalendar.parse("UTC", "24/7", ""));
        Instant saturdayNight = Instant.parse("2026-11-28T23:00:00Z");
        assertThat(always.dueAt(saturdayNight, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-11-29T01:00:00Z"));
    }

    @Test
    void waitingOnTheCustomerStopsTheClock() {
        // Due Wednesday 15:00; the customer is waited on from Wednesday 11:00 to Thursday 10:00:
        // 6 business hours of pause (11:00-17:00, 09:00-10:00), so the new due time is Thursday 14:00.
        Instant due = at("2026-11-25T15:00", BRUSSELS);
        Instant resumed = at("2026-11-26T10:00", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.resume(due, at("2026-11-25T11:00", BRUSSELS), resumed))
                .isEqualTo(at("2026-11-26T14:00", BRUSSELS));
    }

    @Test
    void aPauseOverTheWeekendCostsNothing() {
        Instant due = at("2026-11-30T10:00", BRUSSELS);
        assertThat(BRUSSELS_OFFICE.resume(due, at("2026-11-27T18:00", BRUSSELS), at("2026-11-29T20:00", BRUSSELS)))
                .isEqualTo(due);
    }

    @Test
    void overlappingOpeningHoursAreRefused() {
        assertThatThrownBy(() -> BusinessCalendar.parse("UTC", "MON 09:00-12:00 11:00-14:00", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {
    private final ZoneId brussels = ZoneId.of("Europe/Brussels");

    @Test
    void officeHoursAreReadInTheAgentsOwnTimeZoneAcrossDaylightSaving() {
        WeeklySchedule office = WeeklySchedule.of(brussels, LocalTime.of(9, 0), LocalTime.of(17, 0),
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        // Winter (UTC+1): 08:30 UTC is 09:30 local. Summer (UTC+2): 07:30 UTC is 09:30 local.
        assertThat(office.isWorking(Instant.parse("2026-11-25T08:30:00Z"))).isTrue();
        assertThat(office.isWorking(Instant.parse("2026-11-25T07:30:00Z"))).isFalse();
        assertThat(office.isWorking(Instant.parse("2026-07-15T07:30:00Z"))).isTrue();
        assertThat(office.isWorking(Instant.parse("2026-11-28T10:00:00Z"))).as("Saturday").isFalse();
    }

    @Test
    void anOvernightShiftCoversThePastMidnightHoursOfTheNextDay() {
        WeeklySchedule night = WeeklySchedule.of(brussels, LocalTime.of(22, 0), LocalTime.of(6, 0), DayOfWeek.FRIDAY);
        assertThat(night.isWorking(Instant.parse("2026-11-27T22:30:00Z"))).as("Friday 23:30").isTrue();
        assertThat(night.isWorking(Instant.parse("2026-11-28T04:00:00Z"))).as("Saturday 05:00").isTrue();
        assertThat(night.isWorking(Instant.parse("2026-11-28T05:30:00Z"))).as("Saturday 06:30").isFalse();
        assertThat(night.isWorking(Instant.parse("2026-11-27T04:00:00Z"))).as("Friday 05:00").isFalse();
    }
}

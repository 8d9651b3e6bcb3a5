package dev.switchboard.ticket.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTextTest {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static Instant brussels(String local) {
        return LocalDateTime.parse(local).atZone(BRUSSELS).toInstant();
    }

    @Test
    void placeholdersAreFilledAndAMistypedOneShowsAsWritten() {
        assertThat(NoticeText.fill("Ticket #{number}, answer by {firstResponseDue}. {typo}",
                Map.of("number", "1042", "firstResponseDue", "Monday $5 \\ 10:00")))
                .isEqualTo("Ticket #1042, answer by Monday $5 \\ 10:00. {typo}");
    }

    @Test
    void aFrenchCustomerReadsTheDueTimeInFrenchWithSummerTimeNamed() {
        assertThat(NoticeText.dueTime(brussels("2026-03-30T10:00"), "fr-BE", "en", BRUSSELS))
                .isEqualTo("lundi 30 mars 2026 10:00 heure d’été d’Europe centrale");
    }

    @Test
    void theZoneNameFollowsTheDueDateNotToday() {
        assertThat(NoticeText.dueTime(brussels("2026-03-27T10:00"), "en", "en", BRUSSELS))
                .isEqualTo("Friday, March 27, 2026, 10:00 AM Central European Standard Time");
        assertThat(NoticeText.dueTime(brussels("2026-03-30T10:00"), "en", "en", BRUSSELS))
                .endsWith("Central European Summer Time");
    }

    @Test
    void anUnknownLanguageFallsBackToTheConfiguredOne() {
        assertThat(NoticeText.dueTime(brussels("2026-11-30T09:00"), null, "nl", BRUSSELS))
                .isEqualTo("maandag 30 november 2026 09:00 Midden-Europese standaardtijd");
    }
}

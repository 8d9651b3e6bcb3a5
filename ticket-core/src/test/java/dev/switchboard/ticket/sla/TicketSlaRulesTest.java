package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The SLA on a ticket, in Brussels office hours, without Quarkus or a database. */
class TicketSlaRulesTest {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final TicketSla SLA = new TicketSla(
            new SlaClock(BusinessCalendar.parse("Europe/Brussels", "MON-FRI 09:00-17:00", "2026-12-25")),
            new SlaPolicy(SlaPolicyTest.everyPriority(new SlaPolicy.Targets(
                    Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8)))));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BRUSSELS).toInstant();
    }

    static Ticket openedAt(String local) {
        Ticket ticket = new Ticket();
        ticket.status = TicketStatus.OPEN;
        ticket.prioritise(Priority.CRITICAL);
        ticket.createdAt = at(local);
        SLA.start(ticket);
        return ticket;
    }

    @Test
    void aCriticalTicketOpenedFridayEveningIsDueMondayMorningInBrussels() {
        Ticket ticket = openedAt("2026-11-27T18:45");

        assertThat(ticket.firstResponseDueAt).isEqualTo(at("2026-11-30T10:00"));
        assertThat(ticket.resolutionDueAt).isEqualTo(at("2026-11-30T17:00"));
        assertThat(ticket.slaDueAt).isEqualTo(ticket.firstResponseDueAt);
    }

    @Test
    void waitingOnTheCustomerOverLunchMovesTheDueTimesByThatHour() {
        Ticket ticket = openedAt("2026-11-25T09:00");
        ticket.status = TicketStatus.PENDING;
        SLA.statusChanged(ticket, TicketStatus.OPEN, at("2026-11-25T09:30"));
        ticket.status = TicketStatus.OPEN;
        SLA.statusChanged(ticket, TicketStatus.PENDING, at("2026-11-25T10:30"));

        assertThat(ticket.slaPausedAt).isNull();
        assertThat(ticket.firstResponseDueAt).isEqualTo(at("2026-11-25T11:00"));
        assertThat(ticket.resolutionDueAt).isEqualTo(at("2026-11-26T10:00"));
    }

    @Test
    void theFirstReplyLeavesOnlyTheResolutionClockInTheQueueOrder() {
        Ticket ticket = openedAt("2026-11-25T09:00");
        ticket.firstResponseAt = at("2026-11-25T09:10");
        ticket.refreshSlaDue();

        assertThat(ticket.slaDueAt).isEqualTo(ticket.resolutionDueAt);
    }
}

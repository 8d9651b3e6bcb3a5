package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
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

    /** A critical ticket answered by the agent at creation: the next-response target is 2 h. */
    static Ticket answeredAt(String local) {
        Ticket ticket = openedAt(local);
        SLA.agentReplied(ticket, at(local));
        return ticket;
    }

    @Test
    void theCustomersAnswerOnFridayAfternoonIsDueForANextReplyOnMondayMorning() {
        Ticket ticket = answeredAt("2026-11-27T09:00");
        SLA.customerWrote(ticket, at("2026-11-27T16:30"));

        // 30 minutes on Friday, 90 on Monday.
        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-11-30T10:30"));
        assertThat(ticket.nextResponseCycle).isEqualTo(1);
    }

    @Test
    void theNextResponseClockSkipsTheSpringForwardWeekend() {
        // Brussels moves to summer time on Sunday 29 March 2026: Monday keeps its local 09:00.
        Ticket ticket = answeredAt("2026-03-27T09:00");
        SLA.customerWrote(ticket, at("2026-03-27T16:00"));

        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-03-30T10:00"));
        assertThat(ticket.nextResponseDueAt).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void theNextResponseClockSkipsChristmasAndTheWeekendAfterIt() {
        Ticket ticket = answeredAt("2026-12-24T09:00");
        SLA.customerWrote(ticket, at("2026-12-24T16:30"));

        // 30 minutes on Christmas Eve; the 25th is a holiday, the 26th and 27th a weekend.
        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-12-28T10:30"));
    }

    @Test
    void aSecondCustomerMessageDoesNotPushTheNextReplyLater() {
        Ticket ticket = answeredAt("2026-11-25T09:00");
        SLA.customerWrote(ticket, at("2026-11-25T10:00"));
        SLA.customerWrote(ticket, at("2026-11-25T11:00"));

        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-11-25T12:00"));
        assertThat(ticket.nextResponseCycle).isEqualTo(1);
    }

    @Test
    void theAgentsNextReplyStopsTheCycleAndTheCustomersNextMessageStartsAnother() {
        Ticket ticket = answeredAt("2026-11-25T09:00");
        SLA.customerWrote(ticket, at("2026-11-25T10:00"));
        SLA.agentReplied(ticket, at("2026-11-25T10:45"));

        assertThat(ticket.nextResponseStoppedAt).isEqualTo(at("2026-11-25T10:45"));
        assertThat(ticket.nextResponseRunning()).isFalse();
        assertThat(ticket.slaDueAt).isEqualTo(ticket.resolutionDueAt);

        SLA.customerWrote(ticket, at("2026-11-25T14:00"));
        assertThat(ticket.nextResponseCycle).isEqualTo(2);
        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-11-25T16:00"));
    }

    @Test
    void beforeTheFirstReplyACustomerMessageStartsNoNextResponseClock() {
        Ticket ticket = openedAt("2026-11-25T09:00");
        SLA.customerWrote(ticket, at("2026-11-25T09:30"));

        assertThat(ticket.nextResponseDueAt).isNull();
        assertThat(ticket.nextResponseCycle).isZero();
    }

    @Test
    void waitingOnTheCustomerPausesTheNextResponseClockToo() {
        Ticket ticket = answeredAt("2026-11-25T09:00");
        SLA.customerWrote(ticket, at("2026-11-25T10:00"));
        ticket.status = TicketStatus.PENDING;
        SLA.statusChanged(ticket, TicketStatus.OPEN, at("2026-11-25T10:30"));
        ticket.status = TicketStatus.OPEN;
        // Pending until the next morning: the 6.5 business hours left that day count as the pause, the night does not.
        SLA.statusChanged(ticket, TicketStatus.PENDING, at("2026-11-26T08:00"));

        assertThat(ticket.nextResponseDueAt).isEqualTo(at("2026-11-26T10:30"));
    }

    @Test
    void solvingStopsARunningNextResponseClock() {
        Ticket ticket = answeredAt("2026-11-25T09:00");
        SLA.customerWrote(ticket, at("2026-11-25T10:00"));
        ticket.status = TicketStatus.SOLVED;
        SLA.statusChanged(ticket, TicketStatus.OPEN, at("2026-11-25T10:10"));

        assertThat(ticket.nextResponseRunning()).isFalse();
    }

    @Test
    void anEnterpriseCustomerIsOwedTheTighterTargetsOfTheirPlan() {
        TicketSla sla = new TicketSla(SLA.clock(), new SlaPolicy(
                SlaPolicyTest.everyPriority(new SlaPolicy.Targets(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8))),
                Map.of("enterprise", Map.of(Priority.CRITICAL,
                        new SlaPolicy.Targets(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4))))));
        Ticket enterprise = new Ticket();
        enterprise.status = TicketStatus.OPEN;
        enterprise.prioritise(Priority.CRITICAL);
        enterprise.plan = "enterprise";
        enterprise.createdAt = at("2026-11-25T16:45");
        sla.start(enterprise);
        sla.agentReplied(enterprise, at("2026-11-25T16:50"));
        sla.customerWrote(enterprise, at("2026-11-25T16:55"));

        assertThat(enterprise.firstResponseDueAt).isEqualTo(at("2026-11-26T09:15"));
        assertThat(enterprise.nextResponseDueAt).isEqualTo(at("2026-11-26T09:55"));
        assertThat(enterprise.resolutionDueAt).isEqualTo(at("2026-11-26T12:45"));
    }
}

package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/** The clock's laws, for any start and target, on calendars with DST changes and holidays. */
class SlaClockPropertiesTest {

    static final SlaClock[] CLOCKS = {
        new SlaClock(BusinessCalendar.parse("Europe/Brussels", "MON-FRI 09:00-17:00", "2026-12-25,2027-01-01,2027-04-05")),
        new SlaClock(BusinessCalendar.parse("America/New_York", "MON-FRI 08:00-12:00 13:00-18:00; SAT 10:00-14:00",
                "2026-11-26,2026-12-25")),
        // Opening hours inside the DST gap and overlap hours: the hardest case for local times.
        new SlaClock(BusinessCalendar.parse("Europe/Brussels", "MON-SUN 01:30-03:30 22:00-24:00", "")),
        new SlaClock(BusinessCalendar.parse("UTC", "24/7", "")),
    };

    @Provide
    Arbitrary<SlaClock> clocks() {
        return Arbitraries.of(CLOCKS);
    }

    /** 2026 and 2027, so both DST changes of each year fall in range; whole seconds. */
    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2027-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    /** Up to three weeks of business time. */
    @Provide
    Arbitrary<Duration> targets() {
        return Arbitraries.longs().between(1, 21 * 24 * 3600).map(Duration::ofSeconds);
    }

    @Property
    void theBusinessTimeUntilTheDueTimeIsTheTarget(@ForAll("clocks") SlaClock clock, @ForAll("instants") Instant start,
                                                   @ForAll("targets") Duration target) {
        assertThat(clock.businessTimeBetween(start, clock.dueAt(start, target))).isEqualTo(target);
    }

    @Property
    void aDueTimeNeverFallsInClosedTime(@ForAll("clocks") SlaClock clock, @ForAll("instants") Instant start,
                                        @ForAll("targets") Duration target) {
        Instant due = clock.dueAt(start, target);
        // Within opening hours, or exactly at closing time (the last second before it is open).
        assertThat(clock.calendar().isBusinessTime(due.minusSeconds(1))).isTrue();
    }

    @Property
    void aLongerTargetIsNeverDueEarlier(@ForAll("clocks") SlaClock clock, @ForAll("instants") Instant start,
                                        @ForAll("targets") Duration a, @ForAll("targets") Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;
        assertThat(clock.dueAt(start, shorter)).isBeforeOrEqualTo(clock.dueAt(start, longer));
    }

    @Property
    void aPauseMovesTheDueTimeByItsBusinessPart(@ForAll("clocks") SlaClock clock, @ForAll("instants") Instant start,
                                                @ForAll("targets") Duration target, @ForAll("pauses") Pause pause) {
        Instant due = clock.dueAt(start, target);
        Instant pausedAt = start.plus(pause.after());
        Instant resumedAt = pausedAt.plus(pause.length());
        Instant moved = clock.resume(due, pausedAt, resumedAt);
        assertThat(clock.businessTimeBetween(due, moved)).isEqualTo(clock.businessTimeBetween(pausedAt, resumedAt));
        // Counting from the start, only the pause's business time is on top of the target.
        assertThat(clock.businessTimeBetween(start, moved).minus(clock.businessTimeBetween(pausedAt, resumedAt)))
                .isEqualTo(target);
    }

    /**
     * A next-response cycle on a ticket: the customer writes after the agent's reply, the agent
     * sets the ticket pending and the customer answers. Counted from the customer's message, the
     * business time to the due time is the target plus the business part of the wait, whatever
     * the nights, weekends, holidays and DST changes in between.
     */
    @Property
    void aNextResponseCycleOwesItsTargetPlusTheWaitOnTheCustomer(
            @ForAll("clocks") SlaClock clock, @ForAll("instants") Instant customerWrote,
            @ForAll("targets") Duration target, @ForAll("pauses") Pause pause) {
        TicketSla sla = new TicketSla(clock, new SlaPolicy(SlaPolicyTest.everyPriority(
                new SlaPolicy.Targets(Duration.ofHours(1), target, Duration.ofDays(30)))));
        Ticket ticket = new Ticket();
        ticket.status = TicketStatus.OPEN;
        ticket.prioritise(Priority.MEDIUM);
        ticket.createdAt = customerWrote.minus(Duration.ofDays(2));
        sla.start(ticket);
        sla.agentReplied(ticket, customerWrote.minus(Duration.ofDays(1)));
        sla.customerWrote(ticket, customerWrote);
        Instant pausedAt = customerWrote.plus(pause.after());
        Instant resumedAt = pausedAt.plus(pause.length());
        ticket.status = TicketStatus.PENDING;
        sla.statusChanged(ticket, TicketStatus.OPEN, pausedAt);
        ticket.status = TicketStatus.OPEN;
        sla.statusChanged(ticket, TicketStatus.PENDING, resumedAt);

        assertThat(clock.businessTimeBetween(customerWrote, ticket.nextResponseDueAt)
                .minus(clock.businessTimeBetween(pausedAt, resumedAt))).isEqualTo(target);
    }

    @Provide
    Arbitrary<Pause> pauses() {
        Arbitrary<Duration> lengths = Arbitraries.longs().between(1, 10 * 24 * 3600).map(Duration::ofSeconds);
        return Combinators.combine(lengths, lengths).as(Pause::new);
    }

    /** A pause starting {@code after} the clock started, lasting {@code length} (real time). */
    record Pause(Duration after, Duration length) {
    }
}

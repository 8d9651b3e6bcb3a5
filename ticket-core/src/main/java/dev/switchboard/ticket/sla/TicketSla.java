package dev.switchboard.ticket.sla;

import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts the SLA on a ticket: due times from its priority, pauses while it waits on the customer.
 * Due times are always "created + target + business time paused so far", so a priority change
 * and a resume compute the same way.
 */
public record TicketSla(SlaClock clock, SlaPolicy policy) {

    /** A new ticket: both clocks start at its creation. */
    public void start(Ticket ticket) {
        recompute(ticket);
    }

    /** After a priority change: the new targets, counted from creation. */
    public void reprioritised(Ticket ticket) {
        recompute(ticket);
    }

    /** Call after every status change: pending pauses the clocks, leaving it resumes them. */
    public void statusChanged(Ticket ticket, TicketStatus from, Instant now) {
        if (ticket.status == TicketStatus.PENDING && from != TicketStatus.PENDING) {
            ticket.slaPausedAt = now;
        } else if (from == TicketStatus.PENDING && ticket.status != TicketStatus.PENDING && ticket.slaPausedAt != null) {
            Duration paused = clock.businessTimeBetween(ticket.slaPausedAt, now);
            ticket.slaPausedSeconds += paused.toSeconds();
            ticket.slaPausedAt = null;
            recompute(ticket);
        }
        ticket.refreshSlaDue();
    }

    private void recompute(Ticket ticket) {
        SlaPolicy.Targets targets = policy.targets(ticket.priority);
        Duration paused = Duration.ofSeconds(ticket.slaPausedSeconds);
        ticket.firstResponseDueAt = clock.dueAt(ticket.createdAt, targets.firstResponse().plus(paused));
        ticket.resolutionDueAt = clock.dueAt(ticket.createdAt, targets.resolution().plus(paused));
        ticket.refreshSlaDue();
    }

    /** Breached: the clock stopped after its due time, or is still running past it. */
    public static boolean breached(Instant dueAt, Instant stoppedAt, Instant now) {
        return dueAt != null && (stoppedAt == null ? now : stoppedAt).isAfter(dueAt);
    }
}

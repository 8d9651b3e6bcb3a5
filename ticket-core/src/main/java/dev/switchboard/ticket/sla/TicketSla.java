package dev.switchboard.ticket.sla;

import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts the SLA on a ticket: due times from its priority and its customer's plan, pauses while it
 * waits on the customer. Due times are always "start + target + business time paused since the
 * start", so a priority change and a resume compute the same way. First response and resolution
 * start at creation; next response starts at each customer message after an agent's reply.
 */
public record TicketSla(SlaClock clock, SlaPolicy policy) {

    /** A new ticket: first-response and resolution clocks start at its creation. */
    public void start(Ticket ticket) {
        recompute(ticket);
    }

    /** After a priority change: the new targets, counted from each clock's start. */
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
        if ((ticket.status == TicketStatus.SOLVED || ticket.status == TicketStatus.CLOSED) && ticket.nextResponseRunning()) {
            // Solving answers the customer too: a waiting next response is no longer owed.
            ticket.nextResponseStoppedAt = now;
        }
        ticket.refreshSlaDue();
    }

    /**
     * A customer message on an existing ticket, after the status change it caused. It starts a
     * next-response cycle when an agent has answered before and no cycle runs yet: the customer
     * writing twice does not move the due time later.
     */
    public void customerWrote(Ticket ticket, Instant now) {
        if (ticket.firstResponseAt == null || ticket.nextResponseRunning() || !ticket.status.isOpen()) {
            return;
        }
        ticket.nextResponseCycle++;
        ticket.nextResponseStartedAt = now;
        ticket.nextResponseStoppedAt = null;
        ticket.nextResponsePausedBase = ticket.slaPausedSeconds;
        recompute(ticket);
    }

    /** An agent's reply: the first one stops the first-response clock, a later one the running next-response cycle. */
    public void agentReplied(Ticket ticket, Instant now) {
        if (ticket.firstResponseAt == null) {
            ticket.firstResponseAt = now;
        } else if (ticket.nextResponseRunning()) {
            ticket.nextResponseStoppedAt = now;
        }
        ticket.refreshSlaDue();
    }

    public SlaPolicy.Targets targets(Ticket ticket) {
        return policy.targets(ticket.priority, ticket.plan);
    }

    private void recompute(Ticket ticket) {
        SlaPolicy.Targets targets = targets(ticket);
        Duration paused = Duration.ofSeconds(ticket.slaPausedSeconds);
        ticket.firstResponseDueAt = clock.dueAt(ticket.createdAt, targets.firstResponse().plus(paused));
        ticket.resolutionDueAt = clock.dueAt(ticket.createdAt, targets.resolution().plus(paused));
        if (ticket.nextResponseStartedAt != null && ticket.nextResponseStoppedAt == null) {
            Duration pausedInCycle = Duration.ofSeconds(ticket.slaPausedSeconds - ticket.nextResponsePausedBase);
            ticket.nextResponseDueAt = clock.dueAt(ticket.nextResponseStartedAt, targets.nextResponse().plus(pausedInCycle));
        }
        ticket.refreshSlaDue();
    }

    /** Breached: the clock stopped after its due time, or is still running past it. */
    public static boolean breached(Instant dueAt, Instant stoppedAt, Instant now) {
        return dueAt != null && (stoppedAt == null ? now : stoppedAt).isAfter(dueAt);
    }
}

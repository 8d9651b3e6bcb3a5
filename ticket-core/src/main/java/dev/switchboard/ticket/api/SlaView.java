package dev.switchboard.ticket.api;

import java.time.Instant;

/**
 * The SLA of a ticket as agents see it.
 *
 * @param nextResponse the current (or last) next-response cycle: started by a customer message after an
 *                     agent's reply, stopped by the agent's next reply; all null before the first cycle
 * @param paused       true while the ticket waits on the customer (pending): the clocks stand still
 */
public record SlaView(Clock firstResponse, Clock nextResponse, Clock resolution, boolean paused) {

    /**
     * @param stoppedAt when the clock stopped (first reply, next reply, solved); null while it runs
     * @param breached  the due time passed before the clock stopped
     * @param warnedAt  when the watch job warned that the due time is near; null when it did not
     */
    public record Clock(Instant dueAt, Instant stoppedAt, boolean breached, Instant warnedAt) {
    }
}

package dev.switchboard.ticket.stream;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed change of a ticket, as the live queue stream sends it.
 *
 * @param kind            created, assigned (assignee or team changed), solved, or changed
 * @param previousStatus  before this change; null for created. With the previous assignee it tells a
 *                        client that a ticket left its filtered queue
 * @param previousTeam    before this change: a ticket moved to another team leaves the streams of those who
 *                        may no longer see it
 * @param previousPriority before this change; null for created. A priority change moves a ticket into or out
 *                        of a stream filtered on priority
 * @param inQueue         whether the ticket now belongs to the queue the stream is filtered on
 */
public record QueueChange(
        String kind,
        UUID id,
        long number,
        String status,
        String previousStatus,
        String priority,
        String channel,
        String assignee,
        String previousAssignee,
        String team,
        String previousTeam,
        String previousPriority,
        Instant slaDueAt,
        long version,
        boolean inQueue) {

    QueueChange inQueue(boolean now) {
        return new QueueChange(kind, id, number, status, previousStatus, priority, channel, assignee, previousAssignee,
                team, previousTeam, previousPriority, slaDueAt, version, now);
    }
}

package dev.switchboard.ticket.api;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Instant;
import java.util.UUID;

/** One line of the agents' unified queue. */
public record QueueEntry(
        UUID id,
        long number,
        String subject,
        String status,
        Priority priority,
        Channel channel,
        String assignee,
        String contactName,
        String lastMessagePreview,
        int messageCount,
        Instant createdAt,
        Instant updatedAt,
        SlaView sla) {
}

package dev.switchboard.ticket.api;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket with its conversation, oldest message first. */
public record TicketDetail(
        UUID id,
        long number,
        String subject,
        String status,
        Priority priority,
        Channel channel,
        String inbox,
        String conversationKey,
        String assignee,
        String team,
        String queue,
        Contact contact,
        Instant createdAt,
        Instant updatedAt,
        List<MessageView> messages) {

    public record Contact(UUID id, String name, String identity) {
    }
}

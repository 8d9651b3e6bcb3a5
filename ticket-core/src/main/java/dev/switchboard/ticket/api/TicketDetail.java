package dev.switchboard.ticket.api;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket with its conversation, oldest message first.
 *
 * @param version    send it back as {@code If-Match} on a command to refuse acting on a stale view
 * @param followUpOf the closed ticket this one follows up, if any
 * @param csat       the customer's rating once they answered the survey; null before
 * @param mergedInto the ticket this duplicate was merged into, if any
 */
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
        long version,
        int tier,
        int reopenCount,
        UUID followUpOf,
        Instant firstResponseAt,
        Instant solvedAt,
        Instant closedAt,
        SlaView sla,
        CsatView csat,
        List<MessageView> messages,
        String product,
        List<String> tags,
        UUID mergedInto) {

    /**
     * @param plan     the customer's plan from routing's contact context: it picks the SLA targets
     * @param language the customer's language when known: notices format dates in it
     */
    public record Contact(UUID id, String name, String identity, String plan, String language) {
    }

    /** @param channel where the answer came from: a channel id, or {@code web} for the survey page */
    public record CsatView(int rating, String comment, Instant answeredAt, String channel) {
    }
}

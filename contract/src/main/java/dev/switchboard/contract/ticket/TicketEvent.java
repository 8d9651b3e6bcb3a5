package dev.switchboard.contract.ticket;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Ticket lifecycle events on {@code tickets.events.v1}, keyed by ticket id. Routing consumes them
 * to keep agent load true (a solved ticket frees capacity).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TicketEvent.Created.class, name = "created"),
    @JsonSubTypes.Type(value = TicketEvent.Assigned.class, name = "assigned"),
    @JsonSubTypes.Type(value = TicketEvent.AgentReplied.class, name = "agent-replied"),
    @JsonSubTypes.Type(value = TicketEvent.Solved.class, name = "solved"),
    @JsonSubTypes.Type(value = TicketEvent.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = TicketEvent.SlaBreached.class, name = "sla-breached"),
    @JsonSubTypes.Type(value = TicketEvent.SlaWarning.class, name = "sla-warning"),
    @JsonSubTypes.Type(value = TicketEvent.CsatReceived.class, name = "csat-received")
})
public sealed interface TicketEvent {

    /** Deterministic per change, so a replayed event has no second effect. */
    UUID eventId();

    UUID ticketId();

    Instant occurredAt();

    record Created(UUID eventId, UUID ticketId, Instant occurredAt, long number, String channel,
                   String conversationKey, String priority, String assigneeId) implements TicketEvent {
    }

    /**
     * The ticket's assignee changed.
     *
     * @param assigneeId null when the ticket went back to a team's queue unassigned (transfer)
     * @param manual     a person moved it in ticket-core (routing's hold follows); false when it only
     *                   mirrors routing's own decision
     */
    record Assigned(UUID eventId, UUID ticketId, Instant occurredAt, String channel, String assigneeId,
                    String previousAssigneeId, boolean manual) implements TicketEvent {
    }

    /** An agent answered the customer: routing stops the clock that re-offers unanswered work. */
    record AgentReplied(UUID eventId, UUID ticketId, Instant occurredAt, String channel, String conversationKey,
                        String agentId) implements TicketEvent {
    }

    /** Solving ends the agent's work on the conversation: routing frees that capacity. */
    record Solved(UUID eventId, UUID ticketId, Instant occurredAt, String channel, String conversationKey,
                  String assigneeId) implements TicketEvent {
    }

    record Closed(UUID eventId, UUID ticketId, Instant occurredAt, String channel, String conversationKey,
                  String assigneeId) implements TicketEvent {
    }

    /** @param target which SLA target: first-response, next-response or resolution */
    record SlaBreached(UUID eventId, UUID ticketId, Instant occurredAt, String target, Instant dueAt)
            implements TicketEvent {
    }

    /**
     * A running SLA clock is near its due time (the warning lead time is ticket-core's
     * {@code switchboard.sla.watch.warn-before}); published once per clock, before any breach.
     *
     * @param target which SLA target: first-response, next-response or resolution
     */
    record SlaWarning(UUID eventId, UUID ticketId, Instant occurredAt, String target, Instant dueAt)
            implements TicketEvent {
    }

    /**
     * The customer rated a solved ticket (1..5), on its channel or on the survey page.
     *
     * @param channel         where the answer came from: a channel id, or {@code web} for the survey page
     * @param conversationKey set when the rating was a message on the channel: routing assigned that
     *                        message like work, and may end the hold; null for the page (the
     *                        conversation may be busy with other work meanwhile)
     */
    record CsatReceived(UUID eventId, UUID ticketId, Instant occurredAt, String channel, String conversationKey,
                        int rating) implements TicketEvent {
    }
}

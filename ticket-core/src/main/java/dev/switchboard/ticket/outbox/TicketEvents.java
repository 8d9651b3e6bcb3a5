package dev.switchboard.ticket.outbox;

import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.ticket.tickets.Ticket;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the contract's ticket events from a ticket's state. Each call takes the ticket's next
 * change number, and the event id is a UUID v5 of ticket id and that number: the same change
 * always has the same id, however often the relay publishes it.
 */
public final class TicketEvents {
    /** Namespace of ticket event ids (a fixed random UUID; never change it). */
    static final UUID NAMESPACE = UUID.fromString("b3e4f0a2-5c7d-4e18-9a61-0f2d8c4b7e95");

    private TicketEvents() {
    }

    public static UUID eventId(UUID ticketId, long seq) {
        return MessageIds.nameBased(NAMESPACE, ticketId + ":" + seq);
    }

    public static TicketEvent created(Ticket t, Instant at) {
        return new TicketEvent.Created(next(t), t.id, at, t.number, t.channel.id(), t.conversationKey,
                t.priority.name().toLowerCase(Locale.ROOT), t.assignee);
    }

    /** @param manual a person moved the ticket (routing moves its hold); false: it follows routing's decision */
    public static TicketEvent assigned(Ticket t, String previousAssignee, Instant at, boolean manual) {
        return new TicketEvent.Assigned(next(t), t.id, at, t.channel.id(), t.assignee, previousAssignee, manual);
    }

    /** The agent answered: routing stops the clock that would offer the conversation to someone else. */
    public static TicketEvent agentReplied(Ticket t, String agentId, Instant at) {
        return new TicketEvent.AgentReplied(next(t), t.id, at, t.channel.id(), t.conversationKey, agentId);
    }

    /** Carries the conversation key: routing frees the agent's capacity for that conversation. */
    public static TicketEvent solved(Ticket t, Instant at) {
        return new TicketEvent.Solved(next(t), t.id, at, t.channel.id(), t.conversationKey, t.assignee);
    }

    public static TicketEvent closed(Ticket t, Instant at) {
        return new TicketEvent.Closed(next(t), t.id, at, t.channel.id(), t.conversationKey, t.assignee);
    }

    /**
     * Published once per ticket and target, so its id is derived from both rather than from the
     * change number: a second attempt could never pass as a new event.
     */
    public static TicketEvent slaBreached(Ticket t, String clock, String target, Instant dueAt, Instant at) {
        return new TicketEvent.SlaBreached(MessageIds.nameBased(NAMESPACE, t.id + ":sla-breached:" + clock),
                t.id, at, target, dueAt);
    }

    /** Like {@link #slaBreached}: once per clock ({@code clock} names the run, e.g. {@code next-response:2}). */
    public static TicketEvent slaWarning(Ticket t, String clock, String target, Instant dueAt, Instant at) {
        return new TicketEvent.SlaWarning(MessageIds.nameBased(NAMESPACE, t.id + ":sla-warning:" + clock),
                t.id, at, target, dueAt);
    }

    /**
     * The customer's rating. A rating sent as a message carries the conversation, so routing can end
     * the hold that message made; one from the page does not, the conversation may be busy again.
     */
    public static TicketEvent csatReceived(Ticket t, String channel, boolean sentAsMessage, int rating, Instant at) {
        return new TicketEvent.CsatReceived(next(t), t.id, at, channel, sentAsMessage ? t.conversationKey : null, rating);
    }

    private static UUID next(Ticket t) {
        t.eventSeq++;
        return eventId(t.id, t.eventSeq);
    }
}

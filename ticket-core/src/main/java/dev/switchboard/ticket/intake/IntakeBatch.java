package dev.switchboard.ticket.intake;

import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.ticket.outbox.OutboxEntry;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of routing events knows up front, read with three queries instead of a few per event:
 * the messages already stored, the open ticket of each conversation the batch touches and the latest
 * ticket of each of its own conversations. Each event applied updates it, so the next event of the
 * batch sees its effect without a flush. It also holds the ticket numbers drawn for the batch and the
 * rows the batch writes at its end: the tickets it opened and changed, its messages and outbox rows.
 */
final class IntakeBatch {
    private final Map<UUID, TicketMessage> known = new HashMap<>();
    private final Map<String, Ticket> open = new HashMap<>();
    private final Map<String, Ticket> latest = new HashMap<>();
    private final Deque<Long> numbers = new ArrayDeque<>();
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final List<TicketMessage> messages = new ArrayList<>();
    private final List<Ticket> created = new ArrayList<>();
    // Entities have no equals: identity, one entry per ticket the batch changed.
    private final Set<Ticket> changed = new LinkedHashSet<>();
    private final Map<UUID, Ticket> inHand = new HashMap<>();

    IntakeBatch(List<TicketMessage> stored, List<Ticket> openTickets, List<Ticket> latestTickets) {
        stored.forEach(m -> known.put(m.id, m));
        latestTickets.forEach(t -> latest.put(t.conversationKey, t));
        // Should a conversation ever have two open tickets, one of them is taken, as findOpen does.
        openTickets.forEach(t -> open.putIfAbsent(t.conversationKey, t));
        latestTickets.forEach(this::inHand);
        openTickets.forEach(this::inHand);
    }

    static List<UUID> messageIds(List<RoutingEvent> events) {
        return events.stream().map(e -> e.message().id()).distinct().toList();
    }

    /** The conversations the events were written in. */
    static Set<String> ownConversations(List<RoutingEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(e -> keys.add(e.message().conversationKey()));
        return keys;
    }

    /** Every conversation an event may join: its own, and for a duplicate the original's. */
    static Set<String> conversations(List<RoutingEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (RoutingEvent event : events) {
            keys.add(event.message().conversationKey());
            if (event instanceof DuplicateLinked linked && linked.originalConversationKey() != null) {
                keys.add(linked.originalConversationKey());
            }
        }
        return keys;
    }

    /**
     * How many tickets the batch may open, at most: one per conversation of an unstored message that has
     * no open ticket now (a ticket it opens is open for the rest of the batch, so the conversation's later
     * messages join it). A duplicate whose original conversation has an open ticket joins that one. Fewer
     * are opened when a message is a survey answer or joins a merge target.
     */
    int newTicketsAtMost(List<RoutingEvent> events) {
        Set<String> opening = new HashSet<>();
        for (RoutingEvent event : events) {
            if (known(event.message().id()) != null) {
                continue;
            }
            if (event instanceof DuplicateLinked linked && linked.originalConversationKey() != null
                    && openTicket(linked.originalConversationKey()) != null) {
                continue;
            }
            if (openTicket(event.message().conversationKey()) == null) {
                opening.add(event.message().conversationKey());
            }
        }
        return opening.size();
    }

    /** Numbers drawn from the sequence for this batch, handed out in ascending order. */
    void numbers(List<Long> drawn) {
        numbers.addAll(drawn);
    }

    /** The next drawn number, or null when none is left. */
    Long nextNumber() {
        return numbers.pollFirst();
    }

    /** A message to insert at the end of the batch, after the tickets it opened. */
    void message(TicketMessage message) {
        messages.add(message);
    }

    List<TicketMessage> messages() {
        return messages;
    }

    /** An outbox row to write at the end of the batch, after those added before it. */
    void outbox(OutboxEntry entry) {
        outbox.add(entry);
    }

    List<OutboxEntry> outbox() {
        return outbox;
    }

    /** A ticket the batch opened: inserted at its end as the batch left it. */
    void created(Ticket ticket) {
        created.add(ticket);
        inHand(ticket);
    }

    List<Ticket> created() {
        return created;
    }

    /** A stored ticket the batch changed: updated at its end, once, however many of its events changed it. */
    void changed(Ticket ticket) {
        if (!created.contains(ticket)) {
            changed.add(ticket);
            inHand(ticket);
        }
    }

    /**
     * The ticket with this id as the batch has it (read, opened or changed), or null: a ticket the batch
     * opened is not in the database before the batch ends.
     */
    Ticket ticket(UUID id) {
        return inHand.get(id);
    }

    private void inHand(Ticket ticket) {
        inHand.putIfAbsent(ticket.id, ticket);
    }

    Set<Ticket> changed() {
        return changed;
    }

    /** The stored message with this id, or null. */
    TicketMessage known(UUID messageId) {
        return known.get(messageId);
    }

    /** The open ticket of the conversation, or null. */
    Ticket openTicket(String conversationKey) {
        return open.get(conversationKey);
    }

    /**
     * The most recent ticket of one of the batch's own conversations, or null. Asked only when the
     * conversation has no open ticket: a ticket the batch creates or reopens is open, so this stays true.
     */
    Ticket latestTicket(String conversationKey) {
        return latest.get(conversationKey);
    }

    /** After an event: its message is known, and the ticket it joined is open (created or reopened). */
    void applied(TicketMessage stored, Ticket ticket) {
        known.put(stored.id, stored);
        if (ticket.status.isOpen()) {
            open.put(ticket.conversationKey, ticket);
        }
    }
}

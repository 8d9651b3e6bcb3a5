package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.ticket.replies.CustomerAddress;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Plain construction of the rows a routing event creates: a new ticket, an inbound message. */
final class NewTickets {

    private NewTickets() {
    }

    /** @param followUpOf the closed ticket of the conversation this one follows, or null */
    static Ticket ticket(RoutingEvent event, long number, UUID followUpOf, Instant now) {
        InboundMessage message = event.message();
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = number;
        ticket.subject = MessageText.subjectOf(message);
        ticket.status = event instanceof MessageAssigned ? TicketStatus.OPEN : TicketStatus.NEW;
        ticket.prioritise(event.classification() == null ? Priority.MEDIUM : event.classification().priority());
        ticket.channel = message.channel();
        ticket.inbox = message.inbox();
        ticket.conversationKey = message.conversationKey();
        ticket.contactId = event.contact() == null ? null : event.contact().contactId();
        ticket.contactName = MessageText.contactNameOf(message, event.contact());
        ticket.contactIdentity = MessageText.identityOf(message.sender());
        ticket.recipient = CustomerAddress.on(message.channel(), message.sender());
        ticket.followUpOf = followUpOf;
        ticket.plan = planOf(event);
        ticket.language = languageOf(event);
        ticket.product = event.classification() == null ? null : event.classification().product();
        // The decision that opened the ticket: the Created event carries the assignee, no Assigned follows.
        if (event instanceof MessageAssigned assigned) {
            ticket.assignTo(assigned.agentId(), now);
            ticket.team = assigned.team();
        } else if (event instanceof MessageQueued queued) {
            ticket.routingQueue = queued.queue();
        }
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    /** The customer's plan as routing's contact context tells it, lower case: it picks the SLA targets. */
    static String planOf(RoutingEvent event) {
        String plan = event.contact() == null ? null : event.contact().plan();
        return plan == null || plan.isBlank() ? null : plan.strip().toLowerCase(Locale.ROOT);
    }

    /** The contact's known language first, then what the channel said about this message, then classification's guess. */
    static String languageOf(RoutingEvent event) {
        if (event.contact() != null && event.contact().language() != null && !event.contact().language().isBlank()) {
            return event.contact().language().strip();
        }
        if (event.message().language() != null && !event.message().language().isBlank()) {
            return event.message().language().strip();
        }
        return event.classification() == null ? null : event.classification().language();
    }

    static TicketMessage message(RoutingEvent event, UUID ticketId, Instant now) {
        InboundMessage message = event.message();
        TicketMessage stored = new TicketMessage();
        stored.id = message.id();
        stored.ticketId = ticketId;
        stored.direction = TicketMessage.Direction.INBOUND;
        stored.channel = message.channel();
        stored.providerMessageId = message.providerMessageId();
        stored.senderName = message.sender().displayName();
        stored.text = message.text();
        stored.html = message.html();
        stored.sentAt = message.sentAt();
        stored.receivedAt = message.receivedAt();
        stored.storedAt = now;
        if (event instanceof DuplicateLinked linked) {
            stored.duplicateOf = linked.originalMessageId();
            stored.similarity = linked.similarity();
        }
        return stored;
    }

    /** Every message may reveal an address a reply on another channel can use. */
    static void learnAddresses(Ticket ticket, InboundMessage message) {
        if (message.sender().email() != null && !message.sender().email().isBlank()) {
            ticket.contactEmail = message.sender().email();
        }
        if (message.sender().phone() != null && !message.sender().phone().isBlank()) {
            ticket.contactPhone = message.sender().phone();
        }
    }
}

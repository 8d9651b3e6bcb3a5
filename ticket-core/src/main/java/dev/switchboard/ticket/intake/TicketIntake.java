package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns one routing event into ticket state, in one transaction. Idempotent on the message id:
 * a redelivered event finds its message already stored and changes nothing.
 */
@ApplicationScoped
public class TicketIntake {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;

    public TicketIntake(TicketRepository tickets, TicketMessageRepository messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    public Uni<IntakeOutcome> record(RoutingEvent event) {
        InboundMessage message = event.message();
        return Panache.withTransaction(() -> messages.findById(message.id())
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(IntakeOutcome.alreadyStored(message.id(), existing.ticketId, message.channel()))
                        : store(event)));
    }

    private Uni<IntakeOutcome> store(RoutingEvent event) {
        Instant now = Instant.now();
        return ticketFor(event, now)
                .chain(target -> addMessage(target, event, now));
    }

    /** A duplicate joins the original conversation's open ticket; anything else its own conversation's. */
    private Uni<Target> ticketFor(RoutingEvent event, Instant now) {
        if (event instanceof DuplicateLinked linked && linked.originalConversationKey() != null) {
            return tickets.findOpen(linked.originalConversationKey())
                    .chain(original -> original != null
                            ? Uni.createFrom().item(new Target(original, false))
                            : openOrCreate(event, now));
        }
        return openOrCreate(event, now);
    }

    private Uni<Target> openOrCreate(RoutingEvent event, Instant now) {
        return tickets.findOpen(event.message().conversationKey())
                .chain(open -> open != null
                        ? Uni.createFrom().item(new Target(open, false))
                        : create(event, now).map(created -> new Target(created, true)));
    }

    private Uni<Ticket> create(RoutingEvent event, Instant now) {
        InboundMessage message = event.message();
        return tickets.nextNumber()
                .map(number -> {
                    Ticket ticket = new Ticket();
                    ticket.id = UUID.randomUUID();
                    ticket.number = number;
                    ticket.subject = MessageText.subjectOf(message);
                    ticket.status = event instanceof MessageAssigned ? TicketStatus.OPEN : TicketStatus.NEW;
                    ticket.prioritise(event.classification() == null
                            ? Priority.MEDIUM
                            : event.classification().priority());
                    ticket.channel = message.channel();
                    ticket.inbox = message.inbox();
                    ticket.conversationKey = message.conversationKey();
                    ticket.contactId = event.contact() == null ? null : event.contact().contactId();
                    ticket.contactName = MessageText.contactNameOf(message, event.contact());
                    ticket.contactIdentity = MessageText.identityOf(message.sender());
                    ticket.createdAt = now;
                    ticket.updatedAt = now;
                    return ticket;
                })
                .chain(tickets::persist);
    }

    private Uni<IntakeOutcome> addMessage(Target target, RoutingEvent event, Instant now) {
        Ticket ticket = target.ticket();
        apply(event, ticket);
        ticket.messageCount++;
        ticket.lastMessagePreview = MessageText.previewOf(event.message());
        ticket.updatedAt = now;
        TicketMessage stored = toMessage(event, ticket.id, now);
        return messages.persist(stored)
                .map(ignored -> new IntakeOutcome(stored.id, ticket.id, stored.channel, true, target.created()));
    }

    /** What the routing decision changes on the ticket besides the new message. */
    private static void apply(RoutingEvent event, Ticket ticket) {
        // Java 17: no pattern switch yet; a duplicate changes nothing but the message list.
        if (event instanceof MessageAssigned assigned) {
            ticket.assignee = assigned.agentId();
            ticket.team = assigned.team();
            if (ticket.status == TicketStatus.NEW) {
                ticket.status = TicketStatus.OPEN;
            }
        } else if (event instanceof MessageQueued queued) {
            ticket.routingQueue = queued.queue();
        }
        // The customer answered: the ticket no longer waits on them.
        if (ticket.status == TicketStatus.PENDING) {
            ticket.status = TicketStatus.OPEN;
        }
    }

    private static TicketMessage toMessage(RoutingEvent event, UUID ticketId, Instant now) {
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

    private record Target(Ticket ticket, boolean created) {
    }
}

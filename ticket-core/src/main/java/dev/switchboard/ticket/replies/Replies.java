package dev.switchboard.ticket.replies;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.ticket.api.MessageView;
import dev.switchboard.ticket.kpi.KpiMetrics;
import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.sla.TicketSla;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMapper;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.web.BadRequestException;
import dev.switchboard.ticket.web.ConflictException;
import dev.switchboard.ticket.workflow.Notes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agents' replies and internal notes. A reply is stored on the ticket (outbound, queued) and
 * written to the outbox in the same transaction; the relay puts it on {@code outbound.<channel>.v1}.
 * Every reply also touches the ticket, so its version serialises replies of one conversation.
 */
@ApplicationScoped
public class Replies {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TicketSla sla;
    private final KpiMetrics metrics;

    public Replies(TicketRepository tickets, TicketMessageRepository messages, Outbox outbox, OutboxRelay relay,
                   TicketSla sla, KpiMetrics metrics) {
        this.sla = sla;
        this.metrics = metrics;
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** @param author who writes it (the caller): shown on the message; the ticket may be someone else's */
    public Uni<MessageView> reply(UUID ticketId, String text, String channelId, String author, Long expectedVersion) {
        String body = required(text);
        return Panache.withTransaction(() -> tickets.forChange(ticketId, expectedVersion)
                        .chain(ticket -> {
                            if (ticket.status == TicketStatus.CLOSED) {
                                throw new ConflictException("ticket-closed",
                                        "the ticket is closed; the customer's next message opens a follow-up");
                            }
                            Channel channel = channelId == null || channelId.isBlank()
                                    ? ticket.channel : parseChannel(channelId);
                            String recipient = CustomerAddress.forReply(channel, ticket.channel, ticket.recipient,
                                            ticket.contactEmail, ticket.contactPhone)
                                    .orElseThrow(() -> new BadRequestException("the customer has no known address on "
                                            + channel.id() + " for this ticket"));
                            boolean first = ticket.firstResponseAt == null;
                            return messages.lastInbound(ticket.id, channel)
                                    .chain(answered -> store(ticket, channel, recipient, body, answered, author))
                                    .map(view -> new Stored(view, first ? ticket : null));
                        }))
                .invoke(relay::trigger)
                .invoke(stored -> {
                    if (stored.firstResponseOf() != null) {
                        Ticket t = stored.firstResponseOf();
                        metrics.firstResponse(t.channel, t.createdAt, t.firstResponseAt);
                    }
                })
                .map(Stored::view);
    }

    public Uni<MessageView> note(UUID ticketId, String text, String author, Long expectedVersion) {
        String body = required(text);
        return Panache.withTransaction(() -> tickets.forChange(ticketId, expectedVersion)
                .chain(ticket -> {
                    Instant now = Instant.now();
                    ticket.updatedAt = now;
                    TicketMessage note = Notes.internal(ticket, author, body, now);
                    return messages.persist(note).map(TicketMapper::toView);
                }));
    }

    private Uni<MessageView> store(Ticket ticket, Channel channel, String recipient, String text, TicketMessage answered,
                                    String author) {
        Instant now = Instant.now();
        TicketMessage reply = new TicketMessage();
        reply.id = UUID.randomUUID();
        reply.ticketId = ticket.id;
        reply.direction = TicketMessage.Direction.OUTBOUND;
        reply.channel = channel;
        reply.author = author;
        reply.senderName = author;
        reply.recipient = recipient;
        reply.text = text;
        reply.receivedAt = now;
        reply.storedAt = now;
        reply.deliveryStatus = TicketMessage.Delivery.QUEUED;
        reply.deliveryUpdatedAt = now;
        // Stops the first-response clock, or the running next-response cycle.
        sla.agentReplied(ticket, now);
        ticket.updatedAt = now;
        // The reply id is the outbound message id: a channel sends each id once.
        OutboundMessage outbound = new OutboundMessage(reply.id, ticket.id, channel,
                channel == ticket.channel ? ticket.inbox : null, ticket.conversationKey, recipient,
                channel == Channel.EMAIL ? "Re: " + ticket.subject : null, text, null, List.of(),
                answered == null ? null : answered.providerMessageId, author, now);
        return messages.persist(reply)
                .chain(() -> outbox.add(outbound))
                // Routing's re-offer clock belongs to the conversation's holder: any reply on their ticket
                // (theirs, or a colleague's or supervisor's) answers the customer, so the holder is named.
                .chain(() -> outbox.add(TicketEvents.agentReplied(ticket, ticket.assignee, now)))
                .map(ignored -> TicketMapper.toView(reply));
    }

    /** @param firstResponseOf the ticket when this reply was its first response, else null */
    private record Stored(MessageView view, Ticket firstResponseOf) {
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("text is required");
        }
        return text;
    }

    private static Channel parseChannel(String id) {
        try {
            return Channel.fromId(id.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

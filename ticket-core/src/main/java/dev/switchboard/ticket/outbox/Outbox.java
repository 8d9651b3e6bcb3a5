package dev.switchboard.ticket.outbox;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events into {@code ticket.outbox}. Must be called inside the transaction of the change,
 * so the change and its event commit or roll back together; {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    /** A ticket event on {@code tickets.events.v1}, keyed by ticket id. */
    public Uni<Void> add(TicketEvent event) {
        return add(OutboxEntry.Kind.TICKET_EVENT, Topics.TICKET_EVENTS, event.ticketId().toString(), event);
    }

    /** An agent's reply on {@code outbound.<channel>.v1}, keyed by conversation so replies stay in order. */
    public Uni<Void> add(OutboundMessage message) {
        return add(OutboxEntry.Kind.OUTBOUND_MESSAGE, Topics.outbound(message.channel()), message.conversationKey(), message);
    }

    private static Uni<Void> add(OutboxEntry.Kind kind, String topic, String key, Object event) {
        OutboxEntry entry = new OutboxEntry();
        // The same id the CloudEvents header will carry.
        entry.eventId = UUID.fromString(CloudEvents.attributesOf(event, OutboxRelay.SOURCE).id());
        entry.kind = kind;
        entry.topic = topic;
        entry.recordKey = key;
        entry.payload = new String(Json.write(event), StandardCharsets.UTF_8);
        entry.createdAt = Instant.now();
        return entry.persist().replaceWithVoid();
    }
}

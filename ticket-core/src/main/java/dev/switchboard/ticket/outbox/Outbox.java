package dev.switchboard.ticket.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into {@code ticket.outbox}. Must be called inside the transaction of the change,
 * so the change and its event commit or roll back together; {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {
    /**
     * Many rows in one statement, in list order: {@code seq} (bigserial) is drawn as the ordered rows are
     * inserted, so the relay publishes them in the order they were written. One JSON parameter keeps the
     * statement text the same whatever the number of rows.
     */
    static final String INSERT_ALL = "insert into ticket.outbox (event_id, kind, topic, record_key, payload, created_at)"
            + " select (r->>'eventId')::uuid, r->>'kind', r->>'topic', r->>'recordKey', r->>'payload',"
            + " (r->>'createdAt')::timestamptz"
            // Bound as text: the reactive client would send a String bound as json as one JSON string.
            + " from json_array_elements(cast(cast(?1 as text) as json)) with ordinality as rows(r, position)"
            + " order by position";
    private static final ObjectMapper ROWS = new ObjectMapper();

    /** A ticket event on {@code tickets.events.v1}, keyed by ticket id. */
    public Uni<Void> add(TicketEvent event) {
        return entry(event).persist().replaceWithVoid();
    }

    /** An agent's reply on {@code outbound.<channel>.v1}, keyed by conversation so replies stay in order. */
    public Uni<Void> add(OutboundMessage message) {
        return entry(message).persist().replaceWithVoid();
    }

    /** The row for a ticket event, not written yet: see {@link #addAll}. */
    public OutboxEntry entry(TicketEvent event) {
        return entry(OutboxEntry.Kind.TICKET_EVENT, Topics.TICKET_EVENTS, event.ticketId().toString(), event);
    }

    /** The row for an outbound message, not written yet: see {@link #addAll}. */
    public OutboxEntry entry(OutboundMessage message) {
        return entry(OutboxEntry.Kind.OUTBOUND_MESSAGE, Topics.outbound(message.channel()), message.conversationKey(),
                message);
    }

    /** Writes these rows, in this order, with one statement in the current transaction (intake's batches). */
    public Uni<Void> addAll(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = ROWS.createArrayNode();
        for (OutboxEntry entry : entries) {
            rows.addObject()
                    .put("eventId", entry.eventId.toString())
                    .put("kind", entry.kind.name())
                    .put("topic", entry.topic)
                    .put("recordKey", entry.recordKey)
                    .put("payload", entry.payload)
                    .put("createdAt", entry.createdAt.toString());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_ALL)
                        .setParameter(1, rows.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static OutboxEntry entry(OutboxEntry.Kind kind, String topic, String key, Object event) {
        OutboxEntry entry = new OutboxEntry();
        // The same id the CloudEvents header will carry.
        entry.eventId = UUID.fromString(CloudEvents.attributesOf(event, OutboxRelay.SOURCE).id());
        entry.kind = kind;
        entry.topic = topic;
        entry.recordKey = key;
        entry.payload = new String(Json.write(event), StandardCharsets.UTF_8);
        entry.createdAt = Instant.now();
        return entry;
    }
}

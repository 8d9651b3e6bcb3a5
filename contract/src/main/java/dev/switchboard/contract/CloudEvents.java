package dev.switchboard.contract;

import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.contract.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka protocol binding, binary mode: the value is the event's JSON, the attributes
 * travel as {@code ce_*} headers. Lets any CloudEvents-aware tool read our topics.
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    static final String TYPE_PREFIX = "dev.switchboard.";

    private CloudEvents() {
    }

    /** The CloudEvents attributes of one event. */
    public record Attributes(String id, String source, String type, Instant time, String subject) {
        public Attributes {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A ready-to-send record: key, JSON value and CloudEvents headers. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, Object event, String source) {
        return record(topic, key, event, Json.write(event), source);
    }

    /** As {@link #record(String, String, Object, String)}, with the event already written as {@code json}. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, Object event, byte[] json,
                                                        String source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json);
        write(attributesOf(event, source), record.headers());
        return record;
    }

    public static void write(Attributes attributes, Headers headers) {
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", attributes.id());
        put(headers, "ce_source", attributes.source());
        put(headers, "ce_type", attributes.type());
        if (attributes.time() != null) {
            put(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(attributes.time()));
        }
        if (attributes.subject() != null) {
            put(headers, "ce_subject", attributes.subject());
        }
        put(headers, "content-type", CONTENT_TYPE);
    }

    /** Reads the attributes back; null when the record carries no CloudEvents headers. */
    public static Attributes read(Headers headers) {
        String id = get(headers, "ce_id");
        if (id == null) {
            return null;
        }
        String time = get(headers, "ce_time");
        return new Attributes(id, get(headers, "ce_source"), get(headers, "ce_type"),
                time == null ? null : Instant.parse(time), get(headers, "ce_subject"));
    }

    /** Id, type, time and subject that the contract prescribes for each event record. */
    public static Attributes attributesOf(Object event, String source) {
        if (event instanceof InboundMessage m) {
            return new Attributes(m.id().toString(), source, TYPE_PREFIX + "intake.message",
                    m.receivedAt(), m.conversationKey());
        }
        if (event instanceof DeliveryStatus s) {
            return new Attributes(s.id().toString(), source, TYPE_PREFIX + "intake.status",
                    s.occurredAt(), s.providerMessageId());
        }
        if (event instanceof RoutingEvent r) {
            // A queued message is assigned later by a second decision: the decision, not the message, is the event.
            String id = r.decision() == null ? r.message().id().toString() : r.decision().decisionId().toString();
            return new Attributes(id, source, TYPE_PREFIX + "routing." + routingType(r),
                    r.decision() == null ? null : r.decision().decidedAt(), r.message().id().toString());
        }
        if (event instanceof TicketEvent t) {
            return new Attributes(t.eventId().toString(), source, TYPE_PREFIX + "ticket." + ticketType(t),
                    t.occurredAt(), t.ticketId().toString());
        }
        if (event instanceof OutboundMessage o) {
            return new Attributes(o.id().toString(), source, TYPE_PREFIX + "outbound.message",
                    o.createdAt(), o.conversationKey());
        }
        throw new IllegalArgumentException("not a contract event: " + event.getClass().getName());
    }

    private static String routingType(RoutingEvent event) {
        if (event instanceof MessageAssigned) {
            return "assigned";
        }
        if (event instanceof MessageQueued) {
            return "queued";
        }
        if (event instanceof DuplicateLinked) {
            return "duplicate-linked";
        }
        throw new IllegalArgumentException(event.getClass().getName());
    }

    private static String ticketType(TicketEvent event) {
        if (event instanceof TicketEvent.SlaBreached) {
            return "sla-breached";
        }
        if (event instanceof TicketEvent.SlaWarning) {
            return "sla-warning";
        }
        if (event instanceof TicketEvent.CsatReceived) {
            return "csat-received";
        }
        if (event instanceof TicketEvent.AgentReplied) {
            return "agent-replied";
        }
        return event.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

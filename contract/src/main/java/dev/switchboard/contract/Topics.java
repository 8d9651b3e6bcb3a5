package dev.switchboard.contract;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names. Versioned in the name so that a breaking change gets a new topic. */
public final class Topics {
    /** Normalised inbound customer messages, keyed by conversation. */
    public static final String INTAKE_MESSAGES = "intake.messages.v1";
    /** Delivery statuses of messages we sent (sent, delivered, read, failed). */
    public static final String INTAKE_STATUSES = "intake.statuses.v1";
    /** Routing decisions: assigned, queued or linked as duplicate. */
    public static final String ROUTING_ASSIGNMENTS = "routing.assignments.v1";
    /** Ticket lifecycle events (created, assigned, solved, closed, SLA breached). */
    public static final String TICKET_EVENTS = "tickets.events.v1";

    private static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Every topic Switchboard uses, outbound ones included. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(
                List.of(INTAKE_MESSAGES, INTAKE_STATUSES, ROUTING_ASSIGNMENTS, TICKET_EVENTS));
        for (Channel channel : Channel.values()) {
            all.add(outbound(channel));
        }
        return List.copyOf(all);
    }

    /** Agent replies to send on one channel, e.g. {@code outbound.whatsapp.v1}. */
    public static String outbound(Channel channel) {
        return "outbound." + channel.id() + ".v1";
    }

    /** Where a record that a consumer cannot process goes, with the reason in its headers. */
    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}

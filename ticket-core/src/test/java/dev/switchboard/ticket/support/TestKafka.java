package dev.switchboard.ticket.support;

import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.kafka.TopicProbe;
import java.util.List;
import java.util.Map;

/** The test broker of devkit: tests publish what routing would publish, and read topics back. */
public final class TestKafka {
    private static final String BOOTSTRAP = Infrastructure.shared().kafkaBootstrapServers();
    private static final EventSender SENDER = new EventSender(BOOTSTRAP);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SENDER::close, "test-sender-close"));
    }

    private TestKafka() {
    }

    /** Publishes a routing event as routing does (CloudEvents headers) and waits for the broker ack. */
    public static void publish(String key, Object event) {
        SENDER.send(Topics.ROUTING_ASSIGNMENTS, key, event);
    }

    /**
     * Publishes routing events without waiting for each ack, then waits for all: they reach the broker
     * together, so the consumer's next poll takes them as one batch (as under load).
     */
    public static void publishBurst(List<Map.Entry<String, Object>> keyedEvents) {
        keyedEvents.forEach(e -> SENDER.sendAsync(Topics.ROUTING_ASSIGNMENTS, e.getKey(), e.getValue()));
        SENDER.flush();
    }

    /** Publishes any contract event on any topic (CloudEvents headers), waiting for the ack. */
    public static void publishTo(String topic, String key, Object event) {
        SENDER.send(topic, key, event);
    }

    /** Publishes bytes that are not an event at all. */
    public static void publishRaw(String key, byte[] value) {
        SENDER.sendRaw(Topics.ROUTING_ASSIGNMENTS, key, value);
    }

    public static TopicProbe topics() {
        return new TopicProbe(BOOTSTRAP);
    }
}

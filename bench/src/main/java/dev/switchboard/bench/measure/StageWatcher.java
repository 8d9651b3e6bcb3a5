package dev.switchboard.bench.measure;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code intake.messages.v1} and {@code routing.assignments.v1} from their ends at start
 * until stopped, and keeps every record's message id, kind and timestamp: what later counts as
 * lost or doubled is what was really on the topics.
 */
public final class StageWatcher implements AutoCloseable {
    /** One record about a message, as it was on a topic. */
    /** @param eventId the CloudEvents id: the same decision published again carries the same one */
    public record Seen(String topic, String type, long timestampMillis, String eventId) {
    }

    private final String bootstrapServers;
    private final Map<UUID, List<Seen>> seen = new ConcurrentHashMap<>();
    private final Set<UUID> routed = ConcurrentHashMap.newKeySet();
    private final AtomicLong intakeRecords = new AtomicLong();
    private final AtomicLong routingRecords = new AtomicLong();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Timeline timeline;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private Thread thread;

    public StageWatcher(String bootstrapServers, Timeline timeline) {
        this.bootstrapServers = bootstrapServers;
        this.timeline = timeline;
    }

    /** Returns once the consumer sits at the current end of both topics, so no record of the run is missed. */
    public StageWatcher start() {
        thread = new Thread(this::consume, "bench-stage-watcher");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("stage watcher could not reach the topics' ends", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
        return this;
    }

    private void consume() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-watcher-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INTAKE_MESSAGES, Topics.ROUTING_ASSIGNMENTS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // seekToEnd is lazy; resolve before the load begins
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        CloudEvents.Attributes attributes = CloudEvents.read(record.headers());
        if (attributes == null) {
            return;
        }
        boolean intake = record.topic().equals(Topics.INTAKE_MESSAGES);
        // intake events carry the message id as ce_id; routing events name the message in ce_subject.
        String messageId = intake ? attributes.id() : attributes.subject();
        if (messageId == null) {
            return;
        }
        UUID id = UUID.fromString(messageId);
        String type = attributes.type().substring(attributes.type().lastIndexOf('.') + 1);
        seen.computeIfAbsent(id, i -> new ArrayList<>()).add(new Seen(record.topic(), type, record.timestamp(), attributes.id()));
        timeline.count(intake ? "intake" : "routed", record.timestamp());
        if (intake) {
            intakeRecords.incrementAndGet();
        } else {
            routingRecords.incrementAndGet();
            routed.add(id);
        }
    }

    /** Whether at least one routing decision about this message has been read. */
    public boolean routed(UUID id) {
        return routed.contains(id);
    }

    /** Records of the run read so far on intake.messages.v1: a fault's recovery shows as growth. */
    public long intakeRecords() {
        return intakeRecords.get();
    }

    /** Records of the run read so far on routing.assignments.v1. */
    public long routingRecords() {
        return routingRecords.get();
    }

    /** Everything read about one message; call after {@link #close()}. */
    public List<Seen> about(UUID id) {
        return seen.getOrDefault(id, List.of());
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw new IllegalStateException("stage watcher failed", failure);
        }
    }
}

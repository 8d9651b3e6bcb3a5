package dev.switchboard.bench.scenario.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One non-JSON record on a topic, and the two checks that it was handled: it is on the topic's
 * dead-letter queue (found by its key), and the consuming group committed past it, so the
 * partition moved on.
 */
final class PoisonRecord {
    static final byte[] GARBAGE = "{ this is not JSON".getBytes(StandardCharsets.UTF_8);

    private final String bootstrap;
    private final String topic;
    private final String dlqTopic;
    private final String group;
    private final String key;
    private RecordMetadata sent;
    private volatile boolean deadLettered;

    PoisonRecord(String bootstrap, String topic, String dlqTopic, String group, String key) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.dlqTopic = dlqTopic;
        this.group = group;
        this.key = key;
    }

    void publish() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, key, GARBAGE)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the poison record to " + topic, e);
        }
    }

    boolean deadLettered() {
        if (!deadLettered) {
            deadLettered = onDeadLetterQueue();
        }
        return deadLettered;
    }

    /** The group's committed offset on the poison's partition is past the poison. */
    boolean passed() {
        TopicPartition partition = new TopicPartition(topic, sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed != null && committed.offset() > sent.offset();
        } catch (Exception e) {
            return false; // broker busy or group rebalancing: ask again on the next poll
        }
    }

    String describe() {
        return String.format("%s p%d@%d → %s: %s; group %s committed past it: %s", topic, sent.partition(),
                sent.offset(), dlqTopic, deadLettered ? "yes" : "no", group, passed() ? "yes" : "no");
    }

    private boolean onDeadLetterQueue() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(dlqTopic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !atEnd(consumer, ends)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        Set<TopicPartition> partitions = ends.keySet();
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }
}

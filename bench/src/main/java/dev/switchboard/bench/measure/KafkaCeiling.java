package dev.switchboard.bench.measure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker alone manages on this machine: N records of ~1 KB produced with acks=all and
 * idempotence (as the channels publish), then consumed. The pipeline cannot beat it.
 */
public final class KafkaCeiling {
    /** Records per second each way. */
    public record Result(long records, int recordBytes, double producedPerSecond, double consumedPerSecond) {
    }

    private static final int RECORD_BYTES = 1024;
    private static final int PARTITIONS = 6;

    private final String bootstrapServers;

    public KafkaCeiling(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Result measure(long records) {
        String topic = "bench.ceiling." + UUID.randomUUID();
        createTopic(topic);
        byte[] value = new byte[RECORD_BYTES];
        new Random(7).nextBytes(value);
        double produced = produce(topic, records, value);
        double consumed = consume(topic, records);
        return new Result(records, RECORD_BYTES, produced, consumed);
    }

    private double produce(String topic, long records, byte[] value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "conversation-" + (i % 1000), value));
            }
            producer.flush(); // every record acknowledged by the broker
            return records * 1e9 / (System.nanoTime() - start);
        }
    }

    private double consume(String topic, long records) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(120).toNanos();
            while (read < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read only " + read + " of " + records + " ceiling records");
                }
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records * 1e9 / (System.nanoTime() - start);
        }
    }

    private void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

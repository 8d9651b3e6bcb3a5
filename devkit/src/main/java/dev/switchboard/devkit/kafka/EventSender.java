package dev.switchboard.devkit.kafka;

import dev.switchboard.contract.CloudEvents;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts contract events (or raw bytes, for poison records) on a topic and waits for the ack. */
public final class EventSender implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public EventSender(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String key, Object event) {
        send(CloudEvents.record(topic, key, event, "/devkit/tests"));
    }

    /** Without waiting, for load: {@link #flush()} waits for all of them. */
    public void sendAsync(String topic, String key, Object event) {
        producer.send(CloudEvents.record(topic, key, event, "/devkit/bench"));
    }

    public void flush() {
        producer.flush();
    }

    public void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge a record on " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

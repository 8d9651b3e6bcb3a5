package dev.switchboard.channel.kit.publish;

import dev.switchboard.channel.kit.webhook.WebhookRejected;
import dev.switchboard.contract.CloudEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what a channel received and returns only once the broker has acknowledged every
 * record (acks=all, idempotent producer). The caller answers the provider 2xx after this returns;
 * on failure it throws {@link WebhookRejected.BrokerUnavailable} so the provider retries.
 */
@ApplicationScoped
public class IntakePublisher {
    private final KafkaProducer<String, byte[]> producer;
    private final PublishConfig config;
    private final Counter acked;
    private final Counter failed;
    private final Timer ackLatency;

    public IntakePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, PublishConfig config,
                           MeterRegistry registry) {
        this.config = config;
        this.producer = new KafkaProducer<>(producerConfig(kafka, config), new StringSerializer(),
                new ByteArraySerializer());
        this.acked = Counter.builder("switchboard.intake.published").tag("outcome", "acked")
                .description("records acknowledged by the broker").register(registry);
        this.failed = Counter.builder("switchboard.intake.published").tag("outcome", "failed")
                .description("records the broker did not acknowledge in time").register(registry);
        this.ackLatency = Timer.builder("switchboard.intake.ack.latency")
                .description("time from send to broker acknowledgement of a webhook's records")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafka, PublishConfig config) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        int ackMs = (int) config.ackTimeout().toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(ackMs, 5_000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "switchboard" + config.source().replace('/', '-'));
        return props;
    }

    /** Sends all and waits for all acknowledgements; throws if any record was not acknowledged. */
    public void publishAll(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Future<RecordMetadata>> pending = new ArrayList<>(publications.size());
        try {
            for (Publication p : publications) {
                pending.add(producer.send(CloudEvents.record(p.topic(), p.key(), p.event(), config.source())));
            }
            long deadline = start + config.ackTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
            for (Future<RecordMetadata> ack : pending) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(publications.size(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw unavailable(publications.size(), e);
        }
        ackLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        acked.increment(publications.size());
    }

    private WebhookRejected.BrokerUnavailable unavailable(int count, Exception cause) {
        failed.increment(count);
        Throwable reason = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        return new WebhookRejected.BrokerUnavailable(
                "the broker did not acknowledge the message in time; retry later (" + reason.getClass().getSimpleName() + ")",
                reason);
    }

    @PreDestroy
    void close() {
        producer.close(config.maxBlock());
    }
}

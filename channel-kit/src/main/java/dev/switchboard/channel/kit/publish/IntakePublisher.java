package dev.switchboard.channel.kit.publish;

import dev.switchboard.channel.kit.webhook.WebhookRejected;
import dev.switchboard.contract.CloudEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what a channel received and completes only once the broker has acknowledged every
 * record (acks=all, idempotent producer). The caller answers the provider 2xx after that; on
 * failure ({@link WebhookRejected.BrokerUnavailable}) it answers 503 so the provider retries.
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

    /**
     * Sends all; the result completes once the broker acknowledged every record, or fails with
     * {@link WebhookRejected.BrokerUnavailable} if any was not acknowledged in time. Nothing waits on a
     * thread meanwhile: the producer's acknowledgements complete it. Call it off the event loop: sending
     * blocks while the broker's metadata is unknown (up to {@code max.block.ms}).
     */
    public Uni<Void> publishAll(List<Publication> publications) {
        if (publications.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long start = System.nanoTime();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(publications.size());
        try {
            for (Publication p : publications) {
                CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
                producer.send(CloudEvents.record(p.topic(), p.key(), p.event(), config.source()), (metadata, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(metadata);
                    }
                });
                acks.add(ack);
            }
        } catch (KafkaException e) {
            return Uni.createFrom().failure(unavailable(publications.size(), e));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                // The producer's delivery timeout fails a record first; this is the last resort.
                .ifNoItem().after(config.ackTimeout().plusSeconds(1))
                .failWith(() -> new TimeoutException("no acknowledgement within " + config.ackTimeout()))
                .onFailure().transform(e -> unavailable(publications.size(), e))
                .invoke(() -> {
                    ackLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    acked.increment(publications.size());
                })
                .replaceWithVoid();
    }

    private WebhookRejected.BrokerUnavailable unavailable(int count, Throwable cause) {
        failed.increment(count);
        Throwable reason = cause;
        while (reason instanceof CompletionException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return new WebhookRejected.BrokerUnavailable(
                "the broker did not acknowledge the message in time; retry later (" + reason.getClass().getSimpleName() + ")",
                reason);
    }

    @PreDestroy
    void close() {
        producer.close(config.maxBlock());
    }
}

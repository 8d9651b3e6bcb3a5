package dev.switchboard.consumer.kit;

import dev.switchboard.contract.DeadLetterHeaders;
import dev.switchboard.contract.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Puts records a consumer cannot read on {@code <topic>.dlq}, byte for byte with their key, and the
 * reason in the {@link DeadLetterHeaders}. A batch handler does it itself for the records it cannot
 * read, and goes on with the others: one bad record never blocks a partition.
 */
@Startup // the producer is built at startup, never on an event loop in the middle of a batch
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** A record of a batch that its handler cannot read, and why. */
    public record Unreadable(ConsumerRecord<String, byte[]> record, Exception reason) {
    }

    private final KafkaProducer<String, byte[]> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** As {@link #send}, tried again with back-off until the broker took them all ({@link BatchRetry}). */
    public Uni<Void> sendUntilDone(List<Unreadable> unreadable) {
        return BatchRetry.untilDone(Uni.createFrom().deferred(() -> send(unreadable)), "dead-lettering",
                unreadable.size());
    }

    /**
     * Completes when the broker acknowledged every one of them, on the caller's Vert.x context (the
     * batch's), not on the producer's thread.
     */
    public Uni<Void> send(List<Unreadable> unreadable) {
        if (unreadable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<Void> sent = Uni.join().all(unreadable.stream().map(this::send).toList()).andFailFast()
                    .replaceWithVoid();
            return caller == null ? sent : sent.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private Uni<Void> send(Unreadable u) {
        ConsumerRecord<String, byte[]> r = u.record();
        String topic = Topics.deadLetter(r.topic());
        LOG.warnf("unreadable record %s-%d@%d goes to %s: %s", r.topic(), r.partition(), r.offset(), topic,
                u.reason().getMessage());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, r.key(), r.value(),
                DeadLetterHeaders.of(r.headers(), r.topic(), r.partition(), r.offset(), u.reason()));
        return Uni.createFrom().<Void>emitter(e -> producer.send(letter, (ignored, failure) -> {
                    if (failure == null) {
                        e.complete(null);
                    } else {
                        e.fail(failure);
                    }
                }))
                // send() may block while the broker is away: never on an event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @PreDestroy
    void close() {
        producer.close(CLOSE_TIMEOUT); // a broker away must not hold shutdown for the delivery timeout
    }
}

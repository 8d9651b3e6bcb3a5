package dev.switchboard.consumer.kit;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service does with one poll of records, partition by partition in offset order. The returned
 * {@link Uni} completes when the batch's effect is durable; only then are its offsets committed. A
 * failure means a bug (handlers retry what is transient and dead-letter what is unreadable): the
 * consumer stops and reports it on {@code /q/health} instead of skipping the records.
 */
@FunctionalInterface
public interface BatchHandler {
    Uni<Void> handle(List<ConsumerRecord<String, byte[]>> batch);
}

package dev.switchboard.routing.intake;

import dev.switchboard.contract.DeadLetterHeaders;
import dev.switchboard.contract.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Puts intake records that cannot be read on {@code intake.messages.v1.dlq}, byte for byte with
 * their key, and the reason in the same headers SmallRye's dead-letter strategy writes
 * ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}).
 * The batch consumer does it itself: a failed batch would dead-letter every record in it.
 */
@ApplicationScoped
public class IntakeDeadLetters {
    private static final Logger LOG = Logger.getLogger(IntakeDeadLetters.class);

    /** A record of the batch that is not a message, and why. */
    public record Unreadable(KafkaRecord<String, byte[]> record, Exception reason) {
    }

    private final MutinyEmitter<byte[]> deadLetters;

    public IntakeDeadLetters(@Channel("intake-dlq") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                             MutinyEmitter<byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Completes when the broker acknowledged every one of them. */
    public Uni<Void> send(List<Unreadable> unreadable) {
        if (unreadable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(unreadable.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(Unreadable u) {
        KafkaRecord<String, byte[]> record = u.record();
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        LOG.warnf("unreadable record %s-%d@%d goes to %s: %s", record.getTopic(), record.getPartition(),
                offset, Topics.deadLetter(Topics.INTAKE_MESSAGES), u.reason().getMessage());
        RecordHeaders headers = DeadLetterHeaders.of(record.getHeaders(), record.getTopic(), record.getPartition(), offset,
                u.reason());
        return deadLetters.sendMessage(Message.of(record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.getKey())
                        .withTopic(Topics.deadLetter(Topics.INTAKE_MESSAGES))
                        .withHeaders(headers)
                        .build()));
    }
}

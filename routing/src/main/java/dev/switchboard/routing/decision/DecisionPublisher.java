package dev.switchboard.routing.decision;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.routing.RoutingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes a stored decision on {@code routing.assignments.v1} and marks it published once the
 * broker acknowledged it. A decision stored but never marked is published again on redelivery.
 */
@ApplicationScoped
public class DecisionPublisher {
    static final String SOURCE = "/services/routing";

    private final MutinyEmitter<byte[]> assignments;
    private final RoutedMessageRepository repository;

    /** A batch sends hundreds of decisions at once; the sink's in-flight limit is the back-pressure. */
    public DecisionPublisher(@Channel("assignments-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                             MutinyEmitter<byte[]> assignments,
                             RoutedMessageRepository repository) {
        this.assignments = assignments;
        this.repository = repository;
    }

    /** A stored decision read back (a replay): parsed once for its key and CloudEvents attributes. */
    public Uni<Void> publish(UUID messageId, String eventJson) {
        return send(eventJson).chain(() -> repository.markPublished(messageId));
    }

    /** A decision just made: its JSON is the bytes that were stored, sent as they are. */
    public Uni<Void> publish(UUID messageId, RoutingEvent event, byte[] json) {
        return send(event, json).chain(() -> repository.markPublished(messageId));
    }

    /** A stored decision read back, sent without marking it (see {@link #send(RoutingEvent, byte[])}). */
    public Uni<Void> send(String eventJson) {
        byte[] json = eventJson.getBytes(StandardCharsets.UTF_8);
        return send(Json.read(json, RoutingEvent.class), json);
    }

    /**
     * Sends a decision and completes when the broker acknowledged it, without marking it: a batch
     * marks all of its decisions at once afterwards ({@link RoutedMessageRepository#markPublished(java.util.Collection)}).
     */
    public Uni<Void> send(RoutingEvent event, byte[] json) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(CloudEvents.attributesOf(event, SOURCE), headers);
        Message<byte[]> record = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.key())
                        .withHeaders(headers)
                        .build());
        return assignments.sendMessage(record);
    }
}

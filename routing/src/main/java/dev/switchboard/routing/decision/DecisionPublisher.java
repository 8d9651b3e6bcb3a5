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

/**
 * Publishes a stored decision on {@code routing.assignments.v1} and marks it published once the
 * broker acknowledged it. A decision stored but never marked is published again on redelivery.
 */
@ApplicationScoped
public class DecisionPublisher {
    static final String SOURCE = "/services/routing";

    private final MutinyEmitter<byte[]> assignments;
    private final RoutedMessageRepository repository;

    public DecisionPublisher(@Channel("assignments-out") MutinyEmitter<byte[]> assignments,
                             RoutedMessageRepository repository) {
        this.assignments = assignments;
        this.repository = repository;
    }

    public Uni<Void> publish(UUID messageId, String eventJson) {
        RoutingEvent event = Json.read(eventJson.getBytes(StandardCharsets.UTF_8), RoutingEvent.class);
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(CloudEvents.attributesOf(event, SOURCE), headers);
        Message<byte[]> record = Message.of(Json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.key())
                        .withHeaders(headers)
                        .build());
        return assignments.sendMessage(record)
                .chain(() -> repository.markPublished(messageId));
    }
}

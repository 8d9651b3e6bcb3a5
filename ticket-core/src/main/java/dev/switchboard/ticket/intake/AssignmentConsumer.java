package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.contract.routing.RoutingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads routing's decisions from {@code routing.assignments.v1} (wiring in application.properties).
 * Returning the Uni makes the connector acknowledge, and so commit the offset, only after the
 * transaction; a failure (e.g. a record that is not an event) sends the record to the DLQ.
 */
@ApplicationScoped
public class AssignmentConsumer {
    public static final String CHANNEL = "assignments-in";
    private static final Logger LOG = Logger.getLogger(AssignmentConsumer.class);

    private final TicketIntake intake;
    private final IntakeMetrics metrics;

    public AssignmentConsumer(TicketIntake intake, IntakeMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(byte[] value) {
        // Parsing inside the pipeline turns a malformed record into a nack (dead-letter) instead of a thrown error.
        return Uni.createFrom().item(() -> Json.read(value, RoutingEvent.class))
                .chain(intake::record)
                .invoke(metrics::record)
                .invoke(outcome -> LOG.debugf("routing event for message %s: %s", outcome.messageId(), outcome))
                .replaceWithVoid();
    }
}

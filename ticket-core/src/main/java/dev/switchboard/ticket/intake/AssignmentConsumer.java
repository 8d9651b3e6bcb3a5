package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.contract.routing.RoutingEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final TicketIntake intake;
    private final IntakeMetrics metrics;

    public AssignmentConsumer(TicketIntake intake, IntakeMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    /**
     * An unreadable record fails at once and goes to the dead-letter topic. Anything else (the
     * database away) is retried with back-off on this record's Vert.x context, which Hibernate
     * Reactive needs: the record waits and its offset stays uncommitted until it is stored.
     */
    @Incoming(CHANNEL)
    public Uni<Void> consume(byte[] value) {
        RoutingEvent event = Json.read(value, RoutingEvent.class);
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> intake.record(event))
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure().invoke(e -> LOG.warnf("storing message %s failed, retrying: %s", event.message().id(), e))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely()
                .invoke(metrics::record)
                .invoke(outcome -> LOG.debugf("routing event for message %s: %s", outcome.messageId(), outcome))
                .replaceWithVoid();
    }
}

package dev.switchboard.ticket.delivery;

import dev.switchboard.contract.Json;
import dev.switchboard.contract.intake.DeliveryStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code intake.statuses.v1} (wiring in application.properties). Same contract as the
 * assignment consumer: the offset moves after the transaction; an unreadable record goes to the
 * DLQ; a database failure is retried on this record's Vert.x context.
 */
@ApplicationScoped
public class DeliveryStatusConsumer {
    public static final String CHANNEL = "statuses-in";
    private static final Logger LOG = Logger.getLogger(DeliveryStatusConsumer.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final DeliveryUpdates updates;

    public DeliveryStatusConsumer(DeliveryUpdates updates) {
        this.updates = updates;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(byte[] value) {
        DeliveryStatus status = Json.read(value, DeliveryStatus.class);
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> updates.apply(status))
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure().invoke(e -> LOG.warnf("delivery status %s failed, retrying: %s", status.id(), e))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely()
                .replaceWithVoid();
    }
}

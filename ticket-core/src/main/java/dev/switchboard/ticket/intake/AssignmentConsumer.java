package dev.switchboard.ticket.intake;

import dev.switchboard.consumer.kit.BatchConsumers;
import dev.switchboard.consumer.kit.BatchRetry;
import dev.switchboard.consumer.kit.DeadLetters;
import dev.switchboard.consumer.kit.ReadBatch;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.routing.RoutingEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads routing's decisions from {@code routing.assignments.v1} a poll at a time (consumer-kit's
 * {@link BatchConsumers}, settings in application.properties): the batch's events are applied in
 * partition order in one transaction, and its offsets are committed only after that transaction committed.
 * One transaction and one offset commit per batch instead of per record.
 */
@ApplicationScoped
public class AssignmentConsumer {
    public static final String CONSUMER = "assignments";
    private static final Logger LOG = Logger.getLogger(AssignmentConsumer.class);

    private final TicketIntake intake;
    private final DeadLetters deadLetters;
    private final IntakeMetrics metrics;

    public AssignmentConsumer(TicketIntake intake, DeadLetters deadLetters, IntakeMetrics metrics) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * Unreadable records go to the dead-letter topic with the reason, and the rest of the batch moves
     * on. Anything else (the database away) retries the whole batch with back-off on this batch's
     * Vert.x context, which Hibernate Reactive needs: the records wait, uncommitted, until stored.
     * A redelivered batch is harmless: events whose message is stored change nothing.
     */
    public Uni<Void> consume(List<ConsumerRecord<String, byte[]>> batch) {
        // The batch comes partition by partition, each in offset order: that order is kept.
        ReadBatch<RoutingEvent> read = ReadBatch.of(batch, bytes -> Json.read(bytes, RoutingEvent.class));
        List<RoutingEvent> events = read.readable();
        List<DeadLetters.Unreadable> unreadable = read.unreadable();
        // Each batch on a context of its own: Hibernate Reactive keeps the session and its transaction
        // in the (duplicated) context, so nothing of a failed attempt can leak into the next batch.
        Context current = Vertx.currentContext();
        Context context = current == null ? VertxContext.createNewDuplicatedContext()
                : VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(context, true); // used by this batch alone
        long start = System.nanoTime();
        return deadLetters.sendUntilDone(unreadable)
                .chain(() -> BatchRetry.untilDone(Uni.createFrom().deferred(() -> intake.recordAll(events))
                        .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run())), "storing", events.size()))
                .invoke(outcomes -> outcomes.forEach(metrics::record))
                .invoke(outcomes -> LOG.debugf("stored a batch of %d routing events in %d ms", outcomes.size(),
                        (System.nanoTime() - start) / 1_000_000))
                .replaceWithVoid();
    }

    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent started, BatchConsumers consumers) {
        consumers.start(CONSUMER, this::consume);
    }
}

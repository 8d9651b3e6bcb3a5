package dev.switchboard.consumer.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when a batch consumer stopped (a handler failed: a bug), so that the orchestrator restarts the
 * service instead of letting its records wait unread. A batch that has been running for long (retrying
 * while the database or the broker is away) is shown, but keeps the check UP: a restart would not help.
 */
@Liveness
@Readiness
@ApplicationScoped
public class ConsumersHealth implements HealthCheck {
    /** Longer than any batch takes while the database and the broker answer. */
    static final Duration LONG_BATCH = Duration.ofSeconds(10);

    private final BatchConsumers consumers;

    public ConsumersHealth(BatchConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("batch-consumers").up();
        for (BatchConsumer consumer : consumers.started()) {
            List<String> problems = consumer.problems();
            ConsumerSettings s = consumer.settings();
            Duration running = consumer.longestRunningBatch();
            response.withData(s.name(), problems.isEmpty()
                    ? s.concurrency() + " reading " + s.topic() + " as " + s.groupId() + ", " + consumer.partitions()
                    + " partitions held" + (running.compareTo(LONG_BATCH) > 0
                    ? ", a batch running for " + running.toSeconds() + " s" : "")
                    : String.join("; ", problems));
            if (!problems.isEmpty()) {
                response.down();
            }
        }
        return response.build();
    }
}

package dev.switchboard.consumer.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when a batch consumer stopped (a handler failed: a bug), so that the orchestrator restarts the
 * service instead of letting its records wait unread.
 */
@Liveness
@Readiness
@ApplicationScoped
public class ConsumersHealth implements HealthCheck {
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
            response.withData(s.name(), problems.isEmpty()
                    ? s.concurrency() + " reading " + s.topic() + " as " + s.groupId() + ", " + consumer.partitions()
                    + " partitions held"
                    : String.join("; ", problems));
            if (!problems.isEmpty()) {
                response.down();
            }
        }
        return response.build();
    }
}

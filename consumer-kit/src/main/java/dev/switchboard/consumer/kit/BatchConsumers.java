package dev.switchboard.consumer.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The service's batch consumers: started by name ({@code switchboard.consumer.<name>.*}) from the
 * service's startup, stopped first thing at shutdown, while the database and producers they use are
 * still open.
 */
@ApplicationScoped
public class BatchConsumers {
    /** How long shutdown lets running batches finish and commit. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerConfig config;
    private final Map<String, Object> kafka;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final List<BatchConsumer> started = new CopyOnWriteArrayList<>();

    public BatchConsumers(ConsumerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.vertx = vertx;
        this.registry = registry;
    }

    public BatchConsumer start(String name, BatchHandler handler) {
        ConsumerConfig.Consumer settings = config.consumers().get(name);
        if (settings == null) {
            throw new IllegalStateException("no settings switchboard.consumer." + name + ".* for consumer " + name);
        }
        BatchConsumer consumer = new BatchConsumer(settings.settings(name), kafka, handler, vertx, registry);
        consumer.start();
        started.add(consumer);
        return consumer;
    }

    public List<BatchConsumer> started() {
        return List.copyOf(started);
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        started.forEach(c -> c.close(STOP_TIMEOUT));
    }
}

package dev.switchboard.routing.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.routing.decision.DecisionPublisher;
import dev.switchboard.routing.decision.RoutedMessageRepository;
import dev.switchboard.routing.decision.RoutedMessageRepository.RoutedMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code intake.messages.v1}, decides once per message id, publishes the decision on
 * {@code routing.assignments.v1}. The offset is committed only after the decision is stored and
 * the broker acknowledged the event; a redelivery finds the stored decision and publishes it
 * again only if that never succeeded.
 */
@ApplicationScoped
public class IntakeRouter {
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(IntakeRouter.class);

    private final RoutedMessageRepository routed;
    private final MessageDecider decider;
    private final DecisionPublisher publisher;
    private final Counter decided;
    private final Counter duplicates;
    private final Timer decisionTime;

    public IntakeRouter(RoutedMessageRepository routed, MessageDecider decider, DecisionPublisher publisher,
                        MeterRegistry registry) {
        this.routed = routed;
        this.decider = decider;
        this.publisher = publisher;
        this.decided = Counter.builder("switchboard.routing.messages").tag("outcome", "routed").register(registry);
        this.duplicates = Counter.builder("switchboard.routing.messages").tag("outcome", "duplicate").register(registry);
        this.decisionTime = Timer.builder("switchboard.routing.decision.latency")
                .description("from receipt of a message to its decision being stored and published")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /**
     * A record that cannot be read throws here and goes to the dead-letter topic (failure-strategy).
     * Anything else (database or broker away) is retried with back-off, holding the partition: the
     * message waits instead of being dead-lettered, and its offset is not committed meanwhile.
     */
    @Incoming("intake-in")
    public Uni<Void> route(byte[] payload) {
        InboundMessage message = Json.read(payload, InboundMessage.class);
        if (!message.hasDeterministicId()) {
            throw new Json.MalformedEventException("message " + message.id() + " does not carry the contract's id for "
                    + message.channel().id() + ":" + message.providerMessageId());
        }
        long start = System.nanoTime();
        return Uni.createFrom().deferred(() -> routeOnce(message))
                .onFailure().invoke(e -> LOG.warnf("routing %s failed, retrying: %s", message.id(), e.toString()))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely()
                .invoke(() -> decisionTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private Uni<Void> routeOnce(InboundMessage message) {
        AtomicReference<MessageDecider.Decided> made = new AtomicReference<>();
        return routed.inTransaction(c -> decideOnce(c, message, made))
                .onFailure().invoke(e -> {
                    if (made.get() != null) {
                        made.get().undo().run();
                    }
                })
                .invoke(() -> {
                    if (made.get() != null) {
                        made.get().afterCommit().run();
                    }
                })
                .chain(decision -> {
                    if (decision.published()) {
                        return Uni.createFrom().voidItem();
                    }
                    MessageDecider.Decided fresh = made.get();
                    return fresh == null
                            ? publisher.publish(decision.messageId(), decision.eventJson())
                            : publisher.publish(decision.messageId(), fresh.event(),
                                    decision.eventJson().getBytes(StandardCharsets.UTF_8));
                });
    }

    private Uni<RoutedMessage> decideOnce(SqlConnection c, InboundMessage message,
                                          AtomicReference<MessageDecider.Decided> made) {
        return routed.find(c, message.id())
                .chain(existing -> {
                    if (existing.isPresent()) {
                        duplicates.increment();
                        return Uni.createFrom().item(existing.get());
                    }
                    Instant now = Instant.now();
                    return decider.decide(c, message, now)
                            .invoke(made::set)
                            .chain(decision -> store(c, message, decision, now));
                });
    }

    private Uni<RoutedMessage> store(SqlConnection c, InboundMessage message, MessageDecider.Decided decision,
                                     Instant now) {
        String json = new String(Json.write(decision.event()), StandardCharsets.UTF_8);
        return routed.insert(c, message.id(), message.channel().id(), message.conversationKey(), decision.agentId(),
                        now, json, !decision.publish())
                .map(inserted -> {
                    decided.increment();
                    return new RoutedMessage(message.id(), decision.agentId(), json, !decision.publish());
                });
    }
}

package dev.switchboard.routing.intake;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.routing.assignment.AssignmentPolicy;
import dev.switchboard.routing.assignment.RoutingConfig;
import dev.switchboard.routing.decision.RoutedMessageRepository;
import dev.switchboard.routing.decision.RoutedMessageRepository.RoutedMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code intake.messages.v1}, decides once per message id, publishes the decision on
 * {@code routing.assignments.v1}. The offset is committed only after the decision is stored and
 * the broker acknowledged the event; a redelivery finds the stored decision and publishes it
 * again only if that never succeeded.
 */
@ApplicationScoped
public class IntakeRouter {
    static final String SOURCE = "/services/routing";
    /** Namespace of decision ids, derived from message ids. */
    private static final UUID DECISIONS = UUID.fromString("0d5e1a7c-2f0b-4f57-8a3e-6f1d2b9c4e80");
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(IntakeRouter.class);

    private final RoutedMessageRepository repository;
    private final RoutingConfig config;
    private final MutinyEmitter<byte[]> assignments;
    private final Counter routed;
    private final Counter duplicates;

    public IntakeRouter(RoutedMessageRepository repository, RoutingConfig config,
                        @Channel("assignments-out") MutinyEmitter<byte[]> assignments, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        this.assignments = assignments;
        this.routed = Counter.builder("switchboard.routing.messages").tag("outcome", "routed").register(registry);
        this.duplicates = Counter.builder("switchboard.routing.messages").tag("outcome", "duplicate").register(registry);
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
        return Uni.createFrom().deferred(() -> routeOnce(message))
                .onFailure().invoke(e -> LOG.warnf("routing %s failed, retrying: %s", message.id(), e.toString()))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    private Uni<Void> routeOnce(InboundMessage message) {
        return repository.inTransaction(c -> decideOnce(c, message))
                .chain(decision -> decision.published()
                        ? Uni.createFrom().voidItem()
                        : publish(message.conversationKey(), decision)
                                .chain(() -> repository.markPublished(decision.messageId())));
    }

    private Uni<RoutedMessage> decideOnce(SqlConnection c, InboundMessage message) {
        return repository.find(c, message.id())
                .chain(existing -> {
                    if (existing.isPresent()) {
                        duplicates.increment();
                        return Uni.createFrom().item(existing.get());
                    }
                    return decide(c, message);
                });
    }

    private Uni<RoutedMessage> decide(SqlConnection c, InboundMessage message) {
        return repository.lastAgentOf(c, message.conversationKey())
                .chain(previous -> repository.conversationsPerAgent(c)
                        .map(load -> AssignmentPolicy.choose(config.agents(), previous, load)))
                .chain(choice -> {
                    Instant now = Instant.now();
                    MessageAssigned event = new MessageAssigned(
                            message,
                            ContactContext.anonymous(contactIdOf(message), message.sender().displayName()),
                            Classification.unclassified(),
                            new Decision(MessageIds.nameBased(DECISIONS, message.id().toString()), now, choice.reasons()),
                            choice.agentId(),
                            config.team());
                    String json = new String(Json.write(event), StandardCharsets.UTF_8);
                    return repository.insert(c, message.id(), message.channel().id(), message.conversationKey(),
                                    choice.agentId(), now, json)
                            .map(inserted -> {
                                routed.increment();
                                return new RoutedMessage(message.id(), choice.agentId(), json, false);
                            });
                });
    }

    private Uni<Void> publish(String key, RoutedMessage decision) {
        MessageAssigned event = Json.read(decision.eventJson().getBytes(StandardCharsets.UTF_8), MessageAssigned.class);
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(CloudEvents.attributesOf(event, SOURCE), headers);
        Message<byte[]> record = Message.of(Json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
        return assignments.sendMessage(record);
    }

    /** Until identity resolution exists, a contact is the sender's identity on one channel. */
    private static UUID contactIdOf(InboundMessage message) {
        String identity = Optional.ofNullable(message.sender().phone())
                .or(() -> Optional.ofNullable(message.sender().email()))
                .orElse(message.channel().id() + ":" + message.sender().channelUserId());
        return MessageIds.nameBased(MessageIds.INBOUND_NAMESPACE, "contact:" + identity);
    }
}

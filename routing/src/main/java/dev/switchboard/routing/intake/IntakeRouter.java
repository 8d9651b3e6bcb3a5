package dev.switchboard.routing.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.routing.assignment.AgentDirectory;
import dev.switchboard.routing.assignment.AssignmentOutcome;
import dev.switchboard.routing.assignment.AssignmentRepository;
import dev.switchboard.routing.assignment.WorkItem;
import dev.switchboard.routing.contact.ContactResolver;
import dev.switchboard.routing.contact.ResolvedContact;
import dev.switchboard.routing.decision.DecisionPublisher;
import dev.switchboard.routing.decision.RoutedMessageRepository;
import dev.switchboard.routing.decision.RoutedMessageRepository.RoutedMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    /** Namespace of decision ids, derived from message ids. */
    public static final UUID DECISIONS = UUID.fromString("0d5e1a7c-2f0b-4f57-8a3e-6f1d2b9c4e80");
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(IntakeRouter.class);

    private final RoutedMessageRepository routed;
    private final AssignmentRepository assignments;
    private final AgentDirectory directory;
    private final DecisionPublisher publisher;
    private final ContactResolver contacts;
    private final Counter decided;
    private final Counter duplicates;

    public IntakeRouter(RoutedMessageRepository routed, AssignmentRepository assignments, AgentDirectory directory,
                        DecisionPublisher publisher, ContactResolver contacts, MeterRegistry registry) {
        this.contacts = contacts;
        this.routed = routed;
        this.assignments = assignments;
        this.directory = directory;
        this.publisher = publisher;
        this.decided = Counter.builder("switchboard.routing.messages").tag("outcome", "routed").register(registry);
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
        AtomicReference<Runnable> undoReservation = new AtomicReference<>(() -> { });
        AtomicReference<Runnable> afterCommit = new AtomicReference<>(() -> { });
        return routed.inTransaction(c -> decideOnce(c, message, undoReservation, afterCommit))
                .onFailure().invoke(e -> undoReservation.get().run())
                .invoke(() -> afterCommit.get().run())
                .chain(decision -> decision.published()
                        ? Uni.createFrom().voidItem()
                        : publisher.publish(decision.messageId(), decision.eventJson()));
    }

    private Uni<RoutedMessage> decideOnce(SqlConnection c, InboundMessage message, AtomicReference<Runnable> undo,
                                          AtomicReference<Runnable> afterCommit) {
        return routed.find(c, message.id())
                .chain(existing -> {
                    if (existing.isPresent()) {
                        duplicates.increment();
                        return Uni.createFrom().item(existing.get());
                    }
                    return decide(c, message, undo, afterCommit);
                });
    }

    private Uni<RoutedMessage> decide(SqlConnection c, InboundMessage message, AtomicReference<Runnable> undo,
                                      AtomicReference<Runnable> afterCommit) {
        Instant now = Instant.now();
        Classification classification = Classification.unclassified();
        WorkItem work = workFor(message, classification);
        return contacts.resolve(c, message)
                .chain(resolved -> assignments.holder(c, message.conversationKey())
                        .map(holder -> new Context(resolved, holder)))
                .chain(context -> {
                    ContactContext contact = context.contact().context();
                    Optional<AssignmentRepository.Holding> holder = context.holder();
                    AssignmentOutcome outcome = directory.decideAndReserve(work,
                            holder.map(AssignmentRepository.Holding::agentId), now);
                    List<String> reasons = new ArrayList<>(context.contact().reasons());
                    reasons.addAll(outcome.reasons());
                    Decision decision = new Decision(MessageIds.nameBased(DECISIONS, message.id().toString()), now, reasons);
                    if (outcome instanceof AssignmentOutcome.Assign assign) {
                        if (!assign.continuesConversation()) {
                            undo.set(() -> directory.release(assign.agentId(), work.channel()));
                            // The conversation moves away from a holder who can no longer take it.
                            holder.ifPresent(h -> afterCommit.set(() -> directory.release(h.agentId(), h.channel())));
                        }
                        RoutingEvent event = new MessageAssigned(message, contact, classification, decision,
                                assign.agentId(), assign.team());
                        return assignments.hold(c, message.conversationKey(), assign.agentId(), work.channel(), now)
                                .chain(() -> store(c, message, assign.agentId(), event, now));
                    }
                    RoutingEvent event = new MessageQueued(message, contact, classification, decision, queueOf(work));
                    return assignments.enqueue(c, work, now)
                            .chain(() -> store(c, message, null, event, now));
                });
    }

    private Uni<RoutedMessage> store(SqlConnection c, InboundMessage message, String agentId, RoutingEvent event,
                                     Instant now) {
        String json = new String(Json.write(event), StandardCharsets.UTF_8);
        return routed.insert(c, message.id(), message.channel().id(), message.conversationKey(), agentId, now, json)
                .map(inserted -> {
                    decided.increment();
                    return new RoutedMessage(message.id(), agentId, json, false);
                });
    }

    /** What is known about the message before the assignment decision. */
    private record Context(ResolvedContact contact, Optional<AssignmentRepository.Holding> holder) {
    }

    static WorkItem workFor(InboundMessage message, Classification classification) {
        return new WorkItem(message.id(), message.conversationKey(), message.channel(), classification.priority(),
                classification.skill(), 1, classification.product(), classification.language(), 1,
                message.receivedAt(), null);
    }

    static String queueOf(WorkItem work) {
        return work.skill() == null ? "general" : work.skill();
    }
}

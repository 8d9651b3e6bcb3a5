package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.routing.decision.DecisionIds;
import dev.switchboard.routing.decision.DecisionPublisher;
import dev.switchboard.routing.decision.RoutedMessageRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Assigns queued conversations the moment capacity frees (a ticket solved, an agent online), and
 * periodically, so that waiting work widens its skill requirement or escalates as it ages.
 */
@ApplicationScoped
public class QueueDrainer {
    private static final Logger LOG = Logger.getLogger(QueueDrainer.class);
    private static final Duration STRAGGLER_AGE = Duration.ofSeconds(10);

    private final AssignmentRepository assignments;
    private final RoutedMessageRepository routed;
    private final AgentDirectory directory;
    private final DecisionPublisher publisher;
    private final CapacityGuard capacity;
    private final RoutingConfig config;
    private final AtomicBoolean running = new AtomicBoolean();

    public QueueDrainer(AssignmentRepository assignments, RoutedMessageRepository routed, AgentDirectory directory,
                        DecisionPublisher publisher, CapacityGuard capacity, RoutingConfig config) {
        this.config = config;
        this.assignments = assignments;
        this.routed = routed;
        this.directory = directory;
        this.publisher = publisher;
        this.capacity = capacity;
    }

    @Scheduled(every = "${switchboard.routing.drain-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> periodically() {
        return republishStragglers()
                .chain(() -> reofferUnanswered(Instant.now()))
                .chain(this::drain);
    }

    /**
     * Takes back conversations whose agent has not answered within the answer timeout and queues
     * them for anyone else; the drain that follows offers them again.
     */
    public Uni<Void> reofferUnanswered(Instant now) {
        return assignments.unanswered(now.minus(config.answerTimeout()))
                .chain(unanswered -> Multi.createFrom().iterable(unanswered)
                        .onItem().transformToUniAndConcatenate(u -> assignments.inTransaction(c -> assignments.reoffer(c, u, now))
                                .invoke(taken -> {
                                    if (taken) {
                                        LOG.infof("%s did not answer %s within %s: offered again",
                                                u.holding().agentId(), u.holding().conversationKey(), config.answerTimeout());
                                        directory.release(u.holding().agentId(), u.holding().channel());
                                    }
                                }))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** Decisions committed but never acknowledged by the broker (it was down): publish them now. */
    private Uni<Void> republishStragglers() {
        return routed.unpublished(STRAGGLER_AGE)
                .chain(stragglers -> Multi.createFrom().iterable(stragglers)
                        .onItem().transformToUniAndConcatenate(r -> publisher.publish(r.messageId(), r.eventJson())
                                // One unpublishable row must not hold back the others.
                                .onFailure().invoke(e -> LOG.warnf("re-publishing %s failed: %s", r.messageId(), e))
                                .onFailure().recoverWithNull())
                        .collect().asList())
                .replaceWithVoid();
    }

    /** Fire and forget: one drain at a time; a trigger during a drain is picked up by the next tick. */
    public void trigger() {
        drain().subscribe().with(ignored -> { }, e -> LOG.warnf("draining the queue failed: %s", e.toString()));
    }

    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        // With every agent at capacity (a peak, an outage) the queue can hold thousands: read only the
        // channels on which someone has room, and nothing at all when nobody has.
        Set<Channel> open = directory.channelsWithRoom(Instant.now());
        if (open.isEmpty()) {
            running.set(false);
            return Uni.createFrom().voidItem();
        }
        return assignments.queued(open)
                .map(queued -> directory.drain(queued, Instant.now()))
                .chain(plan -> Multi.createFrom().iterable(plan)
                        .onItem().transformToUniAndConcatenate(this::assign)
                        .collect().asList())
                .replaceWithVoid()
                .eventually(() -> running.set(false));
    }

    /** Whatever happens, the slot is settled once: confirmed when the hold committed, given back otherwise. */
    private Uni<Void> assign(AgentDirectory.PlannedSlot plannedSlot) {
        AgentDirectory.Reservation slot = plannedSlot.reservation();
        WorkItem work = plannedSlot.planned().work();
        AssignmentOutcome.Assign assign = plannedSlot.planned().assignment();
        Instant now = Instant.now();
        return routed.find(work.messageId())
                .chain(stored -> {
                    if (stored.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    RoutingEvent queued = Json.read(stored.get().eventJson().getBytes(StandardCharsets.UTF_8),
                            RoutingEvent.class);
                    List<String> reasons = new ArrayList<>();
                    reasons.add("was queued; capacity freed");
                    reasons.addAll(assign.reasons());
                    Decision decision = new Decision(DecisionIds.later(work.messageId(), now), now, reasons);
                    MessageAssigned event = new MessageAssigned(queued.message(), queued.contact(),
                            queued.classification(), decision, assign.agentId(), assign.team());
                    String json = new String(Json.write(event), StandardCharsets.UTF_8);
                    // Under the conversation's lock: a follow-up may have taken the conversation off the
                    // queue since the plan; then this reservation goes back and nothing is published.
                    return assignments.inTransaction(c -> assignments.lockConversations(c, List.of(work.conversationKey()))
                                    .chain(() -> assignments.stillQueued(c, work.conversationKey()))
                                    .call(queuedStill -> !queuedStill ? Uni.createFrom().voidItem()
                                            : assignments.hold(c, work, assign.agentId(), now)
                                                    .chain(() -> routed.redecide(c, work.messageId(), assign.agentId(), now, json))
                                                    .chain(() -> capacity.check(c, List.of(slot.slot())))))
                            .chain(queuedStill -> {
                                if (!queuedStill) {
                                    return Uni.createFrom().voidItem();
                                }
                                slot.confirm();
                                // Committed but not published (broker away): the straggler relay publishes it.
                                return publisher.publish(work.messageId(), json).onFailure().recoverWithNull();
                            });
                })
                .eventually(slot::giveBack) // after a confirm, nothing: a slot settles once
                .onFailure(CapacityGuard.CapacityTaken.class).invoke(taken -> {
                    // Another instance filled the agent meanwhile: the work stays queued for the next drain.
                    capacity.learn((CapacityGuard.CapacityTaken) taken);
                    LOG.debugf("assigning queued %s: %s", work.messageId(), taken.getMessage());
                })
                .onFailure(CapacityGuard.CapacityTaken.class).recoverWithNull()
                .onFailure().invoke(e -> LOG.warnf("assigning queued %s failed: %s", work.messageId(), e.toString()))
                .onFailure().recoverWithNull();
    }
}

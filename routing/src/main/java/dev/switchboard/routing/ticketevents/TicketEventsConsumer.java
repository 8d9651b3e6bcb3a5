package dev.switchboard.routing.ticketevents;

import dev.switchboard.consumer.kit.BatchConsumers;
import dev.switchboard.consumer.kit.DeadLetters;
import dev.switchboard.consumer.kit.ReadBatch;
import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.routing.assignment.AgentDirectory;
import dev.switchboard.routing.assignment.AssignmentRepository;
import dev.switchboard.routing.assignment.QueueDrainer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Keeps agent load true: a solved or closed ticket ends the agent's hold on the conversation,
 * and the freed capacity goes to queued work at once. Each event is applied once (event id).
 * An agent's reply stops the clock that would re-offer an unanswered conversation. Reads
 * {@code tickets.events.v1} a poll at a time (consumer-kit), each partition's events in order;
 * the offsets move once every event of the batch is applied, and an unreadable record goes to
 * {@code tickets.events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TicketEventsConsumer {
    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);

    private final AssignmentRepository assignments;
    private final AgentDirectory directory;
    private final QueueDrainer drainer;
    private final DeadLetters deadLetters;

    public TicketEventsConsumer(AssignmentRepository assignments, AgentDirectory directory, QueueDrainer drainer,
                                DeadLetters deadLetters) {
        this.assignments = assignments;
        this.directory = directory;
        this.drainer = drainer;
        this.deadLetters = deadLetters;
    }

    private static final Runnable NOTHING = () -> { };

    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent started, BatchConsumers consumers) {
        consumers.start("ticket-events", this::applyAll);
    }

    /** A poll's events one after the other (each retried until applied), after its unreadable records are put aside. */
    public Uni<Void> applyAll(List<ConsumerRecord<String, byte[]>> batch) {
        ReadBatch<TicketEvent> read = ReadBatch.of(batch, bytes -> Json.read(bytes, TicketEvent.class));
        return deadLetters.sendUntilDone(read.unreadable())
                .chain(() -> Multi.createFrom().iterable(read.readable()).onItem().transformToUniAndConcatenate(this::apply)
                        .collect().last())
                .replaceWithVoid();
    }

    Uni<Void> apply(TicketEvent event) {
        if (event instanceof TicketEvent.Created created) {
            return retrying(event, assignments.rememberTicket(created.ticketId(), created.conversationKey()));
        }
        if (event instanceof TicketEvent.SlaBreached breached) {
            return retrying(event, assignments.inTransaction(c -> assignments.markApplied(c, event.eventId())
                            .chain(first -> first ? onBreach(c, breached) : Uni.createFrom().voidItem())))
                    .invoke(drainer::trigger);
        }
        if (event instanceof TicketEvent.SlaWarning warning) {
            // Before the breach: waiting work moves one priority up so it is picked sooner; a
            // holding agent keeps the work (taking it back is the breach's reaction).
            return retrying(event, assignments.inTransaction(c -> assignments.markApplied(c, event.eventId())
                            .chain(first -> first ? raiseQueued(c, warning.ticketId()) : Uni.createFrom().voidItem())))
                    .invoke(drainer::trigger);
        }
        if (event instanceof TicketEvent.AgentReplied replied) {
            return retrying(event, assignments.inTransaction(
                    c -> assignments.markAnswered(c, replied.conversationKey(), replied.agentId())));
        }
        if (event instanceof TicketEvent.Assigned assigned && assigned.manual()) {
            // The agents' load (memory) changes once the transaction committed.
            return retrying(event, assignments.inTransaction(c -> assignments.markApplied(c, event.eventId())
                            .chain(first -> first ? followManualAssignment(c, assigned) : Uni.createFrom().item(NOTHING)))
                    .invoke(Runnable::run));
        }
        String conversation = conversationEnded(event);
        if (conversation == null) {
            return Uni.createFrom().voidItem();
        }
        return retrying(event, assignments.inTransaction(c -> assignments.markApplied(c, event.eventId())
                        .chain(first -> first ? assignments.release(c, conversation)
                                : Uni.createFrom().item(Optional.<AssignmentRepository.Holding>empty())))
                .invoke(released -> released.ifPresent(h -> {
                    directory.release(h.agentId(), h.channel());
                    drainer.trigger();
                })));
    }

    /**
     * A supervisor or agent moved the ticket in ticket-core: routing's hold and the agents' load
     * follow, so the customer's next message goes to the new agent (not back to the old one) and the
     * old agent's capacity frees. Back to a team's queue unassigned: the hold ends.
     */
    private Uni<Runnable> followManualAssignment(SqlConnection c, TicketEvent.Assigned assigned) {
        return assignments.conversationOf(c, assigned.ticketId())
                .chain(conversation -> {
                    if (conversation.isEmpty()) {
                        return Uni.createFrom().item(NOTHING);
                    }
                    if (assigned.assigneeId() == null) {
                        return assignments.release(c, conversation.get())
                                .map(released -> released.<Runnable>map(h -> () -> {
                                    directory.release(h.agentId(), h.channel());
                                    drainer.trigger();
                                }).orElse(NOTHING));
                    }
                    Instant now = Instant.now();
                    Channel channel = Channel.fromId(assigned.channel());
                    return assignments.handOver(c, conversation.get(), assigned.assigneeId(), channel, now)
                            .map(handOver -> !handOver.changed() ? NOTHING : () -> {
                                handOver.before().ifPresent(h -> directory.release(h.agentId(), h.channel()));
                                directory.take(assigned.assigneeId(),
                                        handOver.before().map(AssignmentRepository.Holding::channel).orElse(channel), now);
                                drainer.trigger();
                            });
                });
    }

    /**
     * An SLA breach makes routing act: waiting work moves one priority up; work its agent has not
     * answered is taken back and offered to someone else at once, without waiting for the timeout.
     */
    private Uni<Void> onBreach(SqlConnection c, TicketEvent.SlaBreached breached) {
        return assignments.conversationOf(c, breached.ticketId())
                .chain(conversation -> conversation.isEmpty() ? Uni.createFrom().voidItem()
                        : assignments.raiseQueued(c, conversation.get())
                                .chain(raised -> raised ? Uni.createFrom().voidItem()
                                        : assignments.unansweredHolding(c, conversation.get())
                                                .chain(unanswered -> unanswered.isEmpty() ? Uni.createFrom().voidItem()
                                                        : reofferNow(c, unanswered.get()))));
    }

    private Uni<Void> raiseQueued(SqlConnection c, UUID ticketId) {
        return assignments.conversationOf(c, ticketId)
                .chain(conversation -> conversation.isEmpty() ? Uni.createFrom().voidItem()
                        : assignments.raiseQueued(c, conversation.get()).replaceWithVoid());
    }

    private Uni<Void> reofferNow(SqlConnection c, AssignmentRepository.Unanswered unanswered) {
        return assignments.reoffer(c, unanswered, Instant.now())
                .invoke(taken -> {
                    if (taken) {
                        LOG.infof("SLA breached on %s: taken back from %s and offered again",
                                unanswered.holding().conversationKey(), unanswered.holding().agentId());
                        directory.release(unanswered.holding().agentId(), unanswered.holding().channel());
                    }
                })
                .replaceWithVoid();
    }

    private static <T> Uni<Void> retrying(TicketEvent event, Uni<T> work) {
        return Uni.createFrom().deferred(() -> work)
                .onFailure().invoke(e -> LOG.warnf("applying ticket event %s failed, retrying: %s", event.eventId(), e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }

    /** The conversation whose work ended, or null for events that change no load. */
    private static String conversationEnded(TicketEvent event) {
        if (event instanceof TicketEvent.Solved solved) {
            return solved.conversationKey();
        }
        if (event instanceof TicketEvent.Closed closed) {
            return closed.conversationKey();
        }
        if (event instanceof TicketEvent.CsatReceived csat) {
            // A rating the customer sent on the channel was routed like any message, but it is no
            // work: the ticket stays solved, so the agent's hold ends again. Null for a page answer.
            return csat.conversationKey();
        }
        return null;
    }
}

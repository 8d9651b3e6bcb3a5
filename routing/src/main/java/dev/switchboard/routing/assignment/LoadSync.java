package dev.switchboard.routing.assignment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Brings this instance's view of agents and their load back to the database, which all routing
 * instances write: work another instance assigned or freed (a solved ticket goes to one instance
 * only), and agents changed through another instance's API (presence, skills, capacity). Agents are
 * read again only when their fingerprint changed. When the reading shows room that was not there,
 * the queue is drained at once.
 */
@ApplicationScoped
public class LoadSync {
    private static final Logger LOG = Logger.getLogger(LoadSync.class);

    private final AssignmentRepository repository;
    private final AgentDirectory directory;
    private final QueueDrainer drainer;
    private final AtomicReference<String> agentsSeen = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public LoadSync(AssignmentRepository repository, AgentDirectory directory, QueueDrainer drainer) {
        this.repository = repository;
        this.directory = directory;
        this.drainer = drainer;
    }

    @Scheduled(every = "${switchboard.routing.load-sync:2s}", delayed = "${switchboard.routing.load-sync:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> periodically() {
        return sync()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("reading agents and their load failed, next try soon: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * One reading; one at a time (a call during another returns false at once).
     *
     * @return whether it found room that was not there (and triggered a drain)
     */
    public Uni<Boolean> sync() {
        return Uni.createFrom().deferred(() -> {
            if (!running.compareAndSet(false, true)) {
                return Uni.createFrom().item(false);
            }
            return readOnce().eventually(() -> running.set(false));
        });
    }

    private Uni<Boolean> readOnce() {
        return repository.agentsFingerprint()
                .chain(fingerprint -> (fingerprint.equals(agentsSeen.get())
                        ? Uni.createFrom().<List<Agent>>nullItem()
                        : repository.agents())
                        .chain(agents -> {
                            directory.syncStarting();
                            return repository.heldCounts().map(held -> directory.resync(held, agents));
                        })
                        .invoke(resynced -> {
                            // Only what the directory took counts as seen: anything else is read again next time.
                            if (resynced.agentsApplied()) {
                                agentsSeen.set(fingerprint);
                            }
                        }))
                .map(AgentDirectory.Resynced::freed)
                .invoke(freed -> {
                    if (freed) {
                        drainer.trigger();
                    }
                });
    }
}

package dev.switchboard.routing.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The last check before a transaction that gives agents new work commits: the database, which every
 * routing instance writes, must not hold more of an agent's conversations on a channel than the
 * agent's capacity, nor give work to an agent who is not online or was deleted, as the database has
 * the agent. With several instances, one's view lags what the others assigned and changed; the loser
 * of a race for an agent's last slot is undone here and decided again on what the check read.
 */
@ApplicationScoped
public class CapacityGuard {
    private static final Logger LOG = Logger.getLogger(CapacityGuard.class);

    /** Another instance took the slots, or changed the agent, meanwhile: the transaction must not commit. */
    public static final class CapacityTaken extends RuntimeException {
        private final transient List<AssignmentRepository.Overbooked> overbooked;
        private final transient Map<AgentChannel, Long> own;

        CapacityTaken(List<AssignmentRepository.Overbooked> overbooked, Map<AgentChannel, Long> own) {
            super("changed by another routing instance meanwhile: " + overbooked.stream()
                    .map(AssignmentRepository.Overbooked::reason).collect(Collectors.joining(", ")), null, false, false);
            this.overbooked = List.copyOf(overbooked);
            this.own = Map.copyOf(own);
        }
    }

    private final AssignmentRepository repository;
    private final AgentDirectory directory;
    private final Counter conflicts;

    public CapacityGuard(AssignmentRepository repository, AgentDirectory directory, MeterRegistry registry) {
        this.repository = repository;
        this.directory = directory;
        this.conflicts = Counter.builder("switchboard.routing.capacity.conflicts")
                .description("transactions undone because another routing instance had filled an agent meanwhile")
                .register(registry);
    }

    /**
     * @param reserved one entry per new conversation this transaction gives an agent (after its holds are written)
     * @throws CapacityTaken (as the Uni's failure) when an agent would go over capacity
     */
    public Uni<Void> check(SqlConnection c, Collection<AgentChannel> reserved) {
        if (reserved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<AgentChannel, Long> own = reserved.stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        return repository.overbooked(c, own.keySet())
                .invoke(over -> {
                    if (!over.isEmpty()) {
                        throw new CapacityTaken(over, own);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * After the transaction rolled back and gave its reservations back: the directory takes what the
     * database holds for those agents, so the next attempt decides on the truth.
     */
    public void learn(CapacityTaken taken) {
        conflicts.increment();
        LOG.debug(taken.getMessage());
        for (AssignmentRepository.Overbooked o : taken.overbooked) {
            directory.learned(o.agentId(), o.stored());
            long mine = taken.own.getOrDefault(new AgentChannel(o.agentId(), o.channel()), 0L);
            directory.correct(o.agentId(), o.channel(), (int) (o.held() - mine));
        }
    }
}

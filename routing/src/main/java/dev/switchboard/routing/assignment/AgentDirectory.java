package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The agents and their load, in memory: a decision must not read 500 agents from the database.
 * Every decision reserves capacity here at once (so two decisions can never both take an agent's
 * last slot) and the reservation is given back if its transaction fails. Rebuilt from the
 * database at start, so a crash loses nothing. One routing instance owns assignment.
 */
@ApplicationScoped
public class AgentDirectory {
    private static final Logger LOG = Logger.getLogger(AgentDirectory.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final AssignmentRepository repository;
    private final RoutingConfig config;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private AgentLoad load = AgentLoad.empty();

    public AgentDirectory(AssignmentRepository repository, RoutingConfig config) {
        this.repository = repository;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        List<Agent> stored = repository.agents().await().atMost(LOAD_TIMEOUT);
        if (stored.isEmpty()) {
            stored = config.agents().stream().map(this::seedAgent).toList();
            stored.forEach(a -> repository.saveAgent(a).await().atMost(LOAD_TIMEOUT));
            LOG.infof("seeded %d agents: %s", stored.size(), config.agents());
        }
        AgentLoad rebuilt = AgentLoad.empty();
        for (AssignmentRepository.Holding h : repository.holdings().await().atMost(LOAD_TIMEOUT)) {
            rebuilt.add(h.agentId(), h.channel(), h.assignedAt());
        }
        synchronized (this) {
            stored.forEach(a -> agents.put(a.id(), a));
            load = rebuilt;
        }
    }

    private Agent seedAgent(String id) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.put(Channel.EMAIL, 10);
        capacity.put(Channel.CHAT, 3);
        for (Channel c : List.of(Channel.WHATSAPP, Channel.MESSENGER, Channel.INSTAGRAM, Channel.X, Channel.TELEGRAM)) {
            capacity.put(c, 5);
        }
        Map<String, Integer> skills = config.seedSkills().stream().collect(Collectors.toMap(s -> s, s -> 3));
        String name = id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
        return new Agent(id, name, config.team(), 1, Agent.Presence.ONLINE, skills, Set.of(), Set.of(), capacity,
                WeeklySchedule.always(ZoneId.of("UTC")));
    }

    /** Decides and, for new work, reserves the agent's capacity before anyone else can take it. */
    public synchronized AssignmentOutcome decideAndReserve(WorkItem work, Optional<String> holder, Instant now) {
        AssignmentOutcome outcome = AssignmentEngine.decide(work, agents.values(), load, holder, now);
        if (outcome instanceof AssignmentOutcome.Assign assign && !assign.continuesConversation()) {
            load.add(assign.agentId(), work.channel(), now);
        }
        return outcome;
    }

    /** Plans assignments for queued work and reserves them; give back the ones that fail to commit. */
    public synchronized QueueDrain.Plan drain(List<WorkItem> queued, Instant now) {
        QueueDrain.Plan plan = QueueDrain.plan(queued, agents.values(), load,
                new WaitPolicy(config.widenSkillAfter(), config.escalateAfter()), now);
        load = plan.loadAfter();
        return plan;
    }

    /** A person gave the agent this conversation (in ticket-core): it counts on their load, capacity or not. */
    public synchronized void take(String agentId, Channel channel, Instant at) {
        load.add(agentId, channel, at);
    }

    public synchronized void release(String agentId, Channel channel) {
        load.remove(agentId, channel);
    }

    public synchronized void put(Agent agent) {
        agents.put(agent.id(), agent);
    }

    public synchronized void remove(String agentId) {
        agents.remove(agentId);
    }

    public synchronized List<Agent> all() {
        return List.copyOf(agents.values());
    }

    public synchronized Optional<Agent> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    public synchronized int active(String agentId, Channel channel) {
        return load.active(agentId, channel);
    }
}

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
 * Every decision reserves capacity here at once (so two decisions of this instance can never both
 * take an agent's last slot); the reservation is given back if its transaction fails, and confirmed
 * once it commits. Rebuilt from the database at start, so a crash loses nothing.
 *
 * <p>Several routing instances may run side by side. What this one holds is then a view that the
 * others' work makes stale: {@link LoadSync} brings it back to the database every few seconds, and
 * the database has the last word on every assignment ({@link CapacityGuard}): a transaction that
 * would take an agent over capacity, because another instance filled the slot meanwhile, is undone
 * and decided again on the counts the guard read ({@link #correct}).
 */
@ApplicationScoped
public class AgentDirectory {
    private static final Logger LOG = Logger.getLogger(AgentDirectory.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final AssignmentRepository repository;
    private final RoutingConfig config;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private AgentLoad load = AgentLoad.empty();
    /** Reserved and not yet committed or given back: what a reading of the database cannot contain. */
    private final AgentLoad inFlight = AgentLoad.empty();
    /** Confirmed while a {@link #resync} reads the database, which may or may not have seen them; else null. */
    private AgentLoad confirmedDuringSync;

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
        List<AssignmentRepository.HeldCount> held = repository.heldCounts().await().atMost(LOAD_TIMEOUT);
        synchronized (this) {
            stored.forEach(a -> agents.put(a.id(), a));
            load = counted(held);
        }
    }

    private static AgentLoad counted(List<AssignmentRepository.HeldCount> held) {
        AgentLoad counted = AgentLoad.empty();
        for (AssignmentRepository.HeldCount h : held) {
            counted.set(h.agentId(), h.channel(), h.count(), h.lastAssignedAt());
        }
        return counted;
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
            inFlight.add(assign.agentId(), work.channel(), now);
        }
        return outcome;
    }

    /** Plans assignments for queued work and reserves them; confirm or give back each one. */
    public synchronized QueueDrain.Plan drain(List<WorkItem> queued, Instant now) {
        QueueDrain.Plan plan = QueueDrain.plan(queued, agents.values(), load,
                new WaitPolicy(config.widenSkillAfter(), config.escalateAfter()), now);
        load = plan.loadAfter();
        plan.assignments().forEach(p -> inFlight.add(p.assignment().agentId(), p.work().channel(), now));
        return plan;
    }

    /** A reservation's transaction committed: the database counts it from now on. */
    public synchronized void confirm(String agentId, Channel channel) {
        inFlight.remove(agentId, channel);
        if (confirmedDuringSync != null) {
            confirmedDuringSync.add(agentId, channel, Instant.EPOCH);
        }
    }

    /** A reservation's transaction failed or wrote nothing: the slot is free again. */
    public synchronized void giveBack(String agentId, Channel channel) {
        inFlight.remove(agentId, channel);
        load.remove(agentId, channel);
    }

    /** A person gave the agent this conversation (in ticket-core): it counts on their load, capacity or not. */
    public synchronized void take(String agentId, Channel channel, Instant at) {
        load.add(agentId, channel, at);
    }

    /** A conversation the agent held (committed) ended or moved away. */
    public synchronized void release(String agentId, Channel channel) {
        load.remove(agentId, channel);
    }

    /**
     * The guard read what the database holds for the agent on the channel (committed, by any
     * instance): that, with this instance's reservations still in flight, is the load from now on.
     */
    public synchronized void correct(String agentId, Channel channel, int committed) {
        load.set(agentId, channel, committed + inFlight.active(agentId, channel), null);
    }

    /** What each agent may take on the channel: the guard checks the database against it. */
    public synchronized int capacity(String agentId, Channel channel) {
        Agent agent = agents.get(agentId);
        return agent == null ? 0 : agent.capacityFor(channel);
    }

    /** Starts a reading of the database for {@link #resync}: reservations confirmed from now on are kept apart. */
    synchronized void syncStarting() {
        confirmedDuringSync = AgentLoad.empty();
    }

    /**
     * The load becomes what the database held (read after {@link #syncStarting}) plus what is in flight
     * here, plus what was confirmed during the reading (counted twice if the reading saw it: a slot
     * kept free for a few seconds, never one given twice).
     *
     * @param agentsNow every agent as stored now, or null when they did not change
     * @return whether an agent now has room it did not have (queued work may be assigned)
     */
    synchronized boolean resync(List<AssignmentRepository.HeldCount> held, List<Agent> agentsNow) {
        AgentLoad next = counted(held);
        next.addAll(inFlight);
        if (confirmedDuringSync != null) {
            next.addAll(confirmedDuringSync);
            confirmedDuringSync = null;
        }
        next.keepLatestAssignments(load);
        Map<String, Agent> before = new LinkedHashMap<>(agents);
        if (agentsNow != null) {
            agents.clear();
            agentsNow.forEach(a -> agents.put(a.id(), a));
        }
        boolean freed = false;
        for (Agent agent : agents.values()) {
            Agent was = before.get(agent.id());
            for (Channel channel : agent.capacity().keySet()) {
                int roomBefore = was == null || was.presence() != Agent.Presence.ONLINE ? 0
                        : was.capacityFor(channel) - load.active(agent.id(), channel);
                int roomNow = agent.presence() != Agent.Presence.ONLINE ? 0
                        : agent.capacityFor(channel) - next.active(agent.id(), channel);
                freed |= roomNow > Math.max(roomBefore, 0);
            }
        }
        load = next;
        return freed;
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

package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
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
 * would take an agent over capacity (another instance filled the slot meanwhile), or give work to
 * an agent another instance set away or deleted, is undone and decided again on what the guard read
 * ({@link #correct}, {@link #learned}).
 */
@ApplicationScoped
public class AgentDirectory {
    private static final Logger LOG = Logger.getLogger(AgentDirectory.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A reservation not settled after this long is dropped at the next {@link #resync}: its transaction
     * ended long ago, and the database counts it if it committed. A safety net for a path that lost
     * it; a slot must not stay taken until a restart.
     */
    private static final Duration RESERVATION_LIMIT = Duration.ofMinutes(2);

    private final AssignmentRepository repository;
    private final RoutingConfig config;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private AgentLoad load = AgentLoad.empty();
    /** The committed counts of the last reading (at start, or by {@link #resync}). */
    private AgentLoad lastCommitted = AgentLoad.empty();
    /** Reserved and not yet committed or given back: what a reading of the database cannot contain. */
    private final Set<Reservation> inFlight = new HashSet<>();
    /** Committed while a {@link #resync} reads the database, which may or may not have seen them; else null. */
    private AgentLoad confirmedDuringSync;
    /** An agent was written or removed here while a {@link #resync} read them: its agents are older. */
    private boolean agentsChangedDuringSync;

    /**
     * One agent's slot on one channel, taken for a decision until its transaction ends: confirmed after
     * the commit, given back otherwise. Either happens once; later calls do nothing.
     */
    public final class Reservation {
        private final String agentId;
        private final Channel channel;
        private final Instant reservedAt = Instant.now();

        private Reservation(String agentId, Channel channel) {
            this.agentId = agentId;
            this.channel = channel;
        }

        public AgentChannel slot() {
            return new AgentChannel(agentId, channel);
        }

        /** The transaction committed: the database counts the conversation from now on. */
        public void confirm() {
            settle(this, true);
        }

        /** The transaction failed or wrote nothing: the slot is free again. */
        public void giveBack() {
            settle(this, false);
        }
    }

    /** What the engine decided, and the slot it took for new work (null when it took none). */
    public record Reserved(AssignmentOutcome outcome, Reservation reservation) {
    }

    /** Queued work planned for an agent, with the slot taken for it. */
    public record PlannedSlot(QueueDrain.Planned planned, Reservation reservation) {
    }

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
            lastCommitted = counted(held);
            load = lastCommitted.copy();
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
    public synchronized Reserved decideAndReserve(WorkItem work, Optional<String> holder, Instant now) {
        AssignmentOutcome outcome = AssignmentEngine.decide(work, agents.values(), load, holder, now);
        if (outcome instanceof AssignmentOutcome.Assign assign && !assign.continuesConversation()) {
            load.add(assign.agentId(), work.channel(), now);
            return new Reserved(outcome, open(assign.agentId(), work.channel()));
        }
        return new Reserved(outcome, null);
    }

    /** The channels on which someone online and on shift has a free slot now (empty: no queued work can move). */
    public synchronized Set<Channel> channelsWithRoom(Instant now) {
        return QueueDrain.channelsWithRoom(agents.values(), load, now);
    }

    /** Plans assignments for queued work and reserves them; confirm or give back each one. */
    public synchronized List<PlannedSlot> drain(List<WorkItem> queued, Instant now) {
        QueueDrain.Plan plan = QueueDrain.plan(queued, agents.values(), load,
                new WaitPolicy(config.widenSkillAfter(), config.escalateAfter()), now);
        load = plan.loadAfter();
        return plan.assignments().stream()
                .map(p -> new PlannedSlot(p, open(p.assignment().agentId(), p.work().channel())))
                .toList();
    }

    private Reservation open(String agentId, Channel channel) {
        Reservation reservation = new Reservation(agentId, channel);
        inFlight.add(reservation);
        return reservation;
    }

    private synchronized void settle(Reservation reservation, boolean committed) {
        if (!inFlight.remove(reservation)) {
            return; // settled before, or dropped as too old
        }
        if (!committed) {
            load.remove(reservation.agentId, reservation.channel);
        } else if (confirmedDuringSync != null) {
            confirmedDuringSync.add(reservation.agentId, reservation.channel, Instant.EPOCH);
        }
    }

    /** A person gave the agent this conversation (in ticket-core): it counts on their load, capacity or not. */
    public synchronized void take(String agentId, Channel channel, Instant at) {
        load.add(agentId, channel, at);
        if (confirmedDuringSync != null) {
            confirmedDuringSync.add(agentId, channel, at); // committed already; the reading may have missed it
        }
    }

    /** A conversation the agent held (committed) ended or moved away. */
    public synchronized void release(String agentId, Channel channel) {
        load.remove(agentId, channel);
    }

    /**
     * The guard read what the database holds for the agent on the channel (committed, by any
     * instance): with this instance's reservations still in flight, the load is at least that.
     */
    public synchronized void correct(String agentId, Channel channel, int committed) {
        int floor = committed + (int) inFlight.stream()
                .filter(r -> r.channel == channel && r.agentId.equals(agentId)).count();
        if (load.active(agentId, channel) < floor) {
            load.set(agentId, channel, floor, null);
        }
    }

    /** Starts a reading of the database for {@link #resync}: what changes here from now on is kept apart. */
    synchronized void syncStarting() {
        confirmedDuringSync = AgentLoad.empty();
        agentsChangedDuringSync = false;
    }

    /**
     * The load becomes what the database held (read after {@link #syncStarting}) plus what is in flight
     * here, plus what was confirmed during the reading (counted twice if the reading saw it: a slot
     * kept free for a few seconds, never one given twice).
     *
     * @param agentsNow every agent as stored now, or null when they did not change
     * @return what the reading changed
     */
    synchronized Resynced resync(List<AssignmentRepository.HeldCount> held, List<Agent> agentsNow) {
        Instant stale = Instant.now().minus(RESERVATION_LIMIT);
        inFlight.removeIf(r -> {
            boolean old = r.reservedAt.isBefore(stale);
            if (old) {
                LOG.warnf("a reservation of %s on %s was never settled: dropped", r.agentId, r.channel.id());
            }
            return old;
        });
        AgentLoad committed = counted(held);
        AgentLoad next = committed.copy();
        inFlight.forEach(r -> next.add(r.agentId, r.channel, r.reservedAt));
        if (confirmedDuringSync != null) {
            next.addAll(confirmedDuringSync);
            confirmedDuringSync = null;
        }
        next.keepLatestAssignments(load);
        Map<String, Agent> before = new LinkedHashMap<>(agents);
        // An agent written here during the reading is newer than what was read: the next reading takes them.
        boolean agentsApplied = agentsNow != null && !agentsChangedDuringSync;
        if (agentsApplied) {
            agents.clear();
            agentsNow.forEach(a -> agents.put(a.id(), a));
        }
        // Room that appeared between two readings, judged on the committed counts only (this instance's
        // reservations in flight come and go between readings without freeing anything).
        boolean freed = false;
        for (Agent agent : agents.values()) {
            Agent was = before.get(agent.id());
            for (Channel channel : agent.capacity().keySet()) {
                int roomBefore = was == null || was.presence() != Agent.Presence.ONLINE ? 0
                        : was.capacityFor(channel) - lastCommitted.active(agent.id(), channel);
                int roomNow = agent.presence() != Agent.Presence.ONLINE ? 0
                        : agent.capacityFor(channel) - committed.active(agent.id(), channel);
                freed |= roomNow > Math.max(roomBefore, 0);
            }
        }
        lastCommitted = committed;
        load = next;
        return new Resynced(freed, agentsApplied);
    }

    /**
     * @param freed         an agent has room they did not have (queued work may be assigned now)
     * @param agentsApplied the agents read were taken (false when none were read, or some changed here meanwhile)
     */
    record Resynced(boolean freed, boolean agentsApplied) {
    }

    /** An agent as the database holds them now (the guard read it), or gone when null. */
    public synchronized void learned(String agentId, Agent stored) {
        if (stored == null) {
            remove(agentId);
        } else {
            put(stored);
        }
    }

    public synchronized void put(Agent agent) {
        agents.put(agent.id(), agent);
        agentsChangedDuringSync = true;
    }

    public synchronized void remove(String agentId) {
        agents.remove(agentId);
        agentsChangedDuringSync = true;
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

package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Open conversations per agent and channel, and when each agent last got work (for idle time).
 *
 * <p>{@link #plus} and {@link #minus} give a new load and leave this one as it was (plans and
 * tests reason on snapshots). The directory owns one live load that it changes in place with
 * {@link #add} and {@link #remove} under its lock: copying 500 agents' counts for every assignment
 * cost more than deciding it.
 */
public final class AgentLoad {
    private static final int CHANNELS = Channel.values().length;

    private final Map<String, int[]> active;
    private final Map<String, Instant> lastAssigned;
    /** For {@link #without}: one conversation of this agent on this channel not counted; else null. */
    private final String lessAgent;
    private final Channel lessChannel;

    private AgentLoad(Map<String, int[]> active, Map<String, Instant> lastAssigned) {
        this(active, lastAssigned, null, null);
    }

    private AgentLoad(Map<String, int[]> active, Map<String, Instant> lastAssigned, String lessAgent,
                      Channel lessChannel) {
        this.active = active;
        this.lastAssigned = lastAssigned;
        this.lessAgent = lessAgent;
        this.lessChannel = lessChannel;
    }

    public static AgentLoad empty() {
        return new AgentLoad(new HashMap<>(), new HashMap<>());
    }

    public int active(String agentId, Channel channel) {
        int[] counts = active.get(agentId);
        int n = counts == null ? 0 : counts[channel.ordinal()];
        return n > 0 && channel == lessChannel && agentId.equals(lessAgent) ? n - 1 : n;
    }

    /** Null when the agent never got work. */
    public Instant lastAssignedAt(String agentId) {
        return lastAssigned.get(agentId);
    }

    public AgentLoad plus(String agentId, Channel channel, Instant at) {
        AgentLoad next = copy();
        next.add(agentId, channel, at);
        return next;
    }

    /** A conversation ended (solved, closed, transferred): the capacity frees. Never below zero. */
    public AgentLoad minus(String agentId, Channel channel) {
        AgentLoad next = copy();
        next.remove(agentId, channel);
        return next;
    }

    /** An independent copy to plan on. */
    public AgentLoad copy() {
        Map<String, int[]> counts = new HashMap<>(active.size() * 2);
        active.forEach((agent, perChannel) -> counts.put(agent, perChannel.clone()));
        AgentLoad copy = new AgentLoad(counts, new HashMap<>(lastAssigned));
        if (lessAgent != null) {
            copy.remove(lessAgent, lessChannel);
        }
        return copy;
    }

    /** In place: the agent got one more conversation on the channel at {@code at}. */
    void add(String agentId, Channel channel, Instant at) {
        active.computeIfAbsent(agentId, a -> new int[CHANNELS])[channel.ordinal()]++;
        lastAssigned.put(agentId, at);
    }

    /** In place: the agent holds {@code count} conversations on the channel; {@code at}, if later, is their last assignment. */
    void set(String agentId, Channel channel, int count, Instant at) {
        active.computeIfAbsent(agentId, a -> new int[CHANNELS])[channel.ordinal()] = Math.max(count, 0);
        if (at != null) {
            lastAssigned.merge(agentId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** In place: every count of {@code other} added to this one's. */
    void addAll(AgentLoad other) {
        other.active.forEach((agent, counts) -> {
            int[] mine = active.computeIfAbsent(agent, a -> new int[CHANNELS]);
            for (int i = 0; i < CHANNELS; i++) {
                mine[i] += counts[i];
            }
        });
    }

    /** In place: each agent's last assignment is the later of this load's and {@code other}'s. */
    void keepLatestAssignments(AgentLoad other) {
        other.lastAssigned.forEach((agent, at) -> lastAssigned.merge(agent, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** In place: one conversation of the agent on the channel ended. Never below zero. */
    void remove(String agentId, Channel channel) {
        int[] counts = active.get(agentId);
        if (counts != null && counts[channel.ordinal()] > 0) {
            counts[channel.ordinal()]--;
        }
    }

    /**
     * This load as if the agent had one conversation less on the channel (the one a follow-up
     * continues), without copying; a view, valid while this load is not changed.
     */
    AgentLoad without(String agentId, Channel channel) {
        if (lessAgent != null) {
            return minus(agentId, channel);
        }
        return new AgentLoad(active, lastAssigned, agentId, channel);
    }
}

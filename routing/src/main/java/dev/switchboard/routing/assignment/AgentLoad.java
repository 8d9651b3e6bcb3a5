package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Open conversations per agent and channel, and when each agent last got work (for idle time).
 * Immutable: the engine plans on a snapshot and returns the one after its assignments.
 */
public final class AgentLoad {
    private final Map<String, Map<Channel, Integer>> active;
    private final Map<String, Instant> lastAssigned;

    private AgentLoad(Map<String, Map<Channel, Integer>> active, Map<String, Instant> lastAssigned) {
        this.active = active;
        this.lastAssigned = lastAssigned;
    }

    public static AgentLoad empty() {
        return new AgentLoad(Map.of(), Map.of());
    }

    public int active(String agentId, Channel channel) {
        return active.getOrDefault(agentId, Map.of()).getOrDefault(channel, 0);
    }

    public int activeTotal(String agentId) {
        return active.getOrDefault(agentId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Null when the agent never got work. */
    public Instant lastAssignedAt(String agentId) {
        return lastAssigned.get(agentId);
    }

    public AgentLoad plus(String agentId, Channel channel, Instant at) {
        return change(agentId, channel, 1, at);
    }

    /** A conversation ended (solved, closed, transferred): the capacity frees. Never below zero. */
    public AgentLoad minus(String agentId, Channel channel) {
        return change(agentId, channel, -1, null);
    }

    private AgentLoad change(String agentId, Channel channel, int delta, Instant at) {
        Map<String, Map<Channel, Integer>> copy = new HashMap<>(active);
        Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        perChannel.putAll(active.getOrDefault(agentId, Map.of()));
        perChannel.put(channel, Math.max(0, perChannel.getOrDefault(channel, 0) + delta));
        copy.put(agentId, perChannel);
        Map<String, Instant> last = lastAssigned;
        if (at != null) {
            last = new HashMap<>(lastAssigned);
            last.put(agentId, at);
        }
        return new AgentLoad(copy, last);
    }
}

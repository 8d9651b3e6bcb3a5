package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When capacity frees (a ticket solved, an agent online), assigns queued work in urgency order:
 * a higher priority is always considered before a lower one, so it is never starved by it.
 */
public final class QueueDrain {

    /** One queued item that now has an agent. */
    public record Planned(WorkItem work, AssignmentOutcome.Assign assignment) {
    }

    /** The assignments to make and the load after them. */
    public record Plan(List<Planned> assignments, AgentLoad loadAfter) {
    }

    private QueueDrain() {
    }

    public static Plan plan(List<WorkItem> queued, Collection<Agent> agents, AgentLoad load, WaitPolicy wait,
                            Instant now) {
        List<WorkItem> ordered = new ArrayList<>(queued);
        ordered.sort(WorkItem.URGENCY);
        List<Planned> planned = new ArrayList<>();
        AgentLoad current = load.copy();
        // With the whole team at capacity a long queue (thousands at a peak) would be scored agent by
        // agent for nothing, every few seconds, while decisions wait for the directory: first ask
        // whether anyone has a free slot on the channel at all (true again only after an assignment).
        Map<Channel, Boolean> room = new EnumMap<>(Channel.class);
        for (WorkItem item : ordered) {
            WorkItem effective = wait.effective(item, now);
            if (!room.computeIfAbsent(effective.channel(), channel -> anyFreeSlot(agents, current, channel, now))) {
                continue;
            }
            AssignmentOutcome outcome = AssignmentEngine.decide(effective, agents, current, Optional.empty(), now);
            if (outcome instanceof AssignmentOutcome.Assign assign) {
                planned.add(new Planned(effective, assign));
                current.add(assign.agentId(), effective.channel(), now);
                room.remove(effective.channel());
            }
        }
        return new Plan(List.copyOf(planned), current);
    }

    /** The channels on which {@link #anyFreeSlot} holds: the only ones whose queued work can be assigned now. */
    static Set<Channel> channelsWithRoom(Collection<Agent> agents, AgentLoad load, Instant now) {
        Set<Channel> open = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (anyFreeSlot(agents, load, channel, now)) {
                open.add(channel);
            }
        }
        return open;
    }

    /** Someone online, on shift and below capacity on the channel: without that nobody is eligible. */
    private static boolean anyFreeSlot(Collection<Agent> agents, AgentLoad load, Channel channel, Instant now) {
        for (Agent agent : agents) {
            if (agent.presence() == Agent.Presence.ONLINE && load.active(agent.id(), channel) < agent.capacityFor(channel)
                    && agent.schedule().isWorking(now)) {
                return true;
            }
        }
        return false;
    }
}

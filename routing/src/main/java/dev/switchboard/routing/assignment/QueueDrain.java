package dev.switchboard.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
        for (WorkItem item : ordered) {
            WorkItem effective = wait.effective(item, now);
            AssignmentOutcome outcome = AssignmentEngine.decide(effective, agents, current, Optional.empty(), now);
            if (outcome instanceof AssignmentOutcome.Assign assign) {
                planned.add(new Planned(effective, assign));
                current.add(assign.agentId(), effective.channel(), now);
            }
        }
        return new Plan(List.copyOf(planned), current);
    }
}

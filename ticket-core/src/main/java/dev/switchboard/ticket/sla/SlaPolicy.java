package dev.switchboard.ticket.sla;

import dev.switchboard.contract.Priority;
import java.time.Duration;
import java.util.Map;

/**
 * Targets per priority, optionally overridden per customer plan (e.g. "enterprise"). All
 * durations are business time on the policy's calendar.
 */
public record SlaPolicy(Map<Priority, Targets> byPriority, Map<String, Map<Priority, Targets>> byPlan) {

    public SlaPolicy {
        for (Priority priority : Priority.values()) {
            if (!byPriority.containsKey(priority)) {
                throw new IllegalArgumentException("the SLA policy has no targets for priority " + priority.id());
            }
        }
        byPriority = Map.copyOf(byPriority);
        byPlan = Map.copyOf(byPlan);
    }

    public SlaPolicy(Map<Priority, Targets> byPriority) {
        this(byPriority, Map.of());
    }

    /** The plan's targets when it has some for this priority, else the default ones. */
    public Targets targets(Priority priority, String plan) {
        if (plan != null) {
            Targets planTargets = byPlan.getOrDefault(plan, Map.of()).get(priority);
            if (planTargets != null) {
                return planTargets;
            }
        }
        return byPriority.get(priority);
    }

    public Targets targets(Priority priority) {
        return targets(priority, null);
    }

    /** Business-time targets of one priority. */
    public record Targets(Duration firstResponse, Duration nextResponse, Duration resolution) {
    }
}

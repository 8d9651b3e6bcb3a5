package dev.switchboard.routing.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who gets a message, and why. Plain Java so that the rule can be tested without Kafka or a
 * database: a customer's follow-up goes back to the agent who has the conversation (stickiness);
 * a new conversation goes to the least-loaded agent of the roster, ties broken by roster order.
 */
public final class AssignmentPolicy {

    /** The chosen agent with the reasons, in the order they were applied. */
    public record Choice(String agentId, List<String> reasons) {
        public Choice {
            reasons = List.copyOf(reasons);
        }
    }

    private AssignmentPolicy() {
    }

    /**
     * @param roster         the agents that may be assigned, in priority order; not empty
     * @param previousAgent  who handled this conversation before, if anyone
     * @param openLoad       conversations each agent currently has (missing = 0)
     */
    public static Choice choose(List<String> roster, Optional<String> previousAgent, Map<String, Long> openLoad) {
        if (roster.isEmpty()) {
            throw new IllegalArgumentException("no agents configured");
        }
        List<String> reasons = new ArrayList<>();
        if (previousAgent.isPresent()) {
            if (roster.contains(previousAgent.get())) {
                reasons.add("sticky: " + previousAgent.get() + " already has this conversation");
                return new Choice(previousAgent.get(), reasons);
            }
            reasons.add("previous agent " + previousAgent.get() + " is no longer on the roster");
        }
        String chosen = roster.stream()
                .min(Comparator.comparingLong((String agent) -> openLoad.getOrDefault(agent, 0L)))
                .orElseThrow();
        String loads = roster.stream()
                .map(agent -> agent + "=" + openLoad.getOrDefault(agent, 0L))
                .collect(Collectors.joining(", "));
        reasons.add("least loaded: " + chosen + " (conversations: " + loads + ")");
        return new Choice(chosen, reasons);
    }
}

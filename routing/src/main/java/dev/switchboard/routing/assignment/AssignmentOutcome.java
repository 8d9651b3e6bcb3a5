package dev.switchboard.routing.assignment;

import java.util.List;

/** What the engine decided for one work item, always with its reasons. */
public sealed interface AssignmentOutcome {

    List<String> reasons();

    /**
     * Give the work to this agent.
     *
     * @param continuesConversation the agent already has this conversation: no new load
     */
    record Assign(String agentId, String team, List<String> reasons, boolean continuesConversation)
            implements AssignmentOutcome {
        public Assign {
            reasons = List.copyOf(reasons);
        }
    }

    /** Nobody eligible has room: the work waits in the queue. */
    record Queue(List<String> reasons) implements AssignmentOutcome {
        public Queue {
            reasons = List.copyOf(reasons);
        }
    }
}

package dev.switchboard.contract.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why routing did what it did: the rules that fired and how the agent was chosen. Stored and
 * published so that "why did Bob get this?" has an answer.
 *
 * @param decisionId deterministic per message, so a replayed decision is recognisable
 * @param reasons    human-readable reasons, in the order they were applied
 */
public record Decision(UUID decisionId, Instant decidedAt, List<String> reasons) {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

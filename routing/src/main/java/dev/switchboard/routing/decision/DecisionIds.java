package dev.switchboard.routing.decision;

import dev.switchboard.contract.MessageIds;
import java.time.Instant;
import java.util.UUID;

/** Decision ids: deterministic, so a decision replayed after a crash is the same decision. */
public final class DecisionIds {
    private static final UUID NAMESPACE = UUID.fromString("0d5e1a7c-2f0b-4f57-8a3e-6f1d2b9c4e80");

    private DecisionIds() {
    }

    /** The first decision about a message. */
    public static UUID first(UUID messageId) {
        return MessageIds.nameBased(NAMESPACE, messageId.toString());
    }

    /** A later decision about the same message (queued work assigned), one per moment it is made. */
    public static UUID later(UUID messageId, Instant at) {
        return MessageIds.nameBased(NAMESPACE, messageId + ":" + at);
    }
}

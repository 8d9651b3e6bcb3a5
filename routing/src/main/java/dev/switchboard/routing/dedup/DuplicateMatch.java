package dev.switchboard.routing.dedup;

import java.util.UUID;

/** An earlier message of the same contact about the same problem, and how alike the two are (0..1). */
public record DuplicateMatch(UUID originalMessageId, String originalConversationKey, double similarity) {
}

package dev.switchboard.routing.contact.store;

import dev.switchboard.routing.contact.merge.ContactState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One merge as audited: who merged which contacts, why, on which evidence, and both contacts as
 * they were before. {@code undoneAt} is set once the merge was undone.
 */
public record MergeRecord(
        UUID mergeId,
        UUID survivorId,
        UUID absorbedId,
        Instant mergedAt,
        String mergedBy,
        String reason,
        List<String> evidence,
        Before before,
        Instant undoneAt,
        String undoneBy) {

    /** The state an undo restores. */
    public record Before(ContactState survivor, ContactState absorbed) {
    }

    public MergeRecord {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}

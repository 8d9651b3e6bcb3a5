package dev.switchboard.routing.contact.merge;

import dev.switchboard.routing.contact.identity.Identity;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything a merge changes about one contact. Stored as the "before" of a merge so that an undo
 * can put it back exactly.
 *
 * @param mergedInto  set when another contact absorbed this one; the row stays for the undo
 * @param lastChannel the channel of the contact's latest message
 */
public record ContactState(
        UUID id,
        Instant createdAt,
        ContactFields fields,
        SortedSet<Identity> identities,
        UUID mergedInto,
        String lastChannel) {

    public ContactState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        fields = fields == null ? ContactFields.named(null) : fields;
        identities = identities == null ? new TreeSet<>() : new TreeSet<>(identities);
    }

    public boolean active() {
        return mergedInto == null;
    }
}

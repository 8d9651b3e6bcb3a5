package dev.switchboard.routing.contact.merge;

import dev.switchboard.routing.contact.identity.Identity;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which contact a message belongs to, from the contacts its identities already point at. Every
 * identity on one sender is proof of the same person, so several contacts found means one person
 * known twice: they are merged into the oldest. The answer never depends on the identities' order.
 */
public final class ContactMatch {
    private ContactMatch() {
    }

    /** A contact one of the message's identities already belongs to. */
    public record Known(UUID contactId, Instant createdAt) {
    }

    /** @param absorbed contacts to merge into {@code contactId}; {@code unlinked} identities to add to it */
    public record Decision(UUID contactId, boolean isNew, List<UUID> absorbed, SortedSet<Identity> unlinked) {
    }

    private static final Comparator<Known> OLDEST_FIRST =
            Comparator.comparing(Known::createdAt).thenComparing(Known::contactId);

    public static Decision decide(Collection<Identity> shown, Map<Identity, Known> owners, UUID idIfNew) {
        SortedSet<Identity> unlinked = new TreeSet<>(shown);
        unlinked.removeAll(owners.keySet());
        List<Known> found = owners.values().stream()
                .distinct()
                .sorted(OLDEST_FIRST)
                .toList();
        if (found.isEmpty()) {
            return new Decision(idIfNew, true, List.of(), unlinked);
        }
        List<UUID> absorbed = found.subList(1, found.size()).stream()
                .map(Known::contactId)
                .toList();
        return new Decision(found.get(0).contactId(), false, absorbed, unlinked);
    }
}

package dev.switchboard.routing.contact.store;

import dev.switchboard.routing.contact.ContactConflictException;
import dev.switchboard.routing.contact.merge.ContactMerge;
import dev.switchboard.routing.contact.merge.ContactState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Merges two stored contacts and undoes merges, each with its audit row. Runs in the caller's transaction. */
@ApplicationScoped
public class ContactMerges {
    private final ContactRepository contacts;
    private final MergeRepository merges;

    public ContactMerges(ContactRepository contacts, MergeRepository merges) {
        this.contacts = contacts;
        this.merges = merges;
    }

    public Uni<MergeRecord> merge(SqlConnection c, UUID survivorId, UUID absorbedId, String by, String reason,
                                  List<String> evidence) {
        return load(c, survivorId)
                .chain(survivor -> load(c, absorbedId)
                        .chain(absorbed -> apply(c, survivor, absorbed, by, reason, evidence)));
    }

    public Uni<MergeRecord> undo(SqlConnection c, UUID mergeId, String by) {
        return merges.findForUpdate(c, mergeId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no merge " + mergeId)))
                .chain(merge -> {
                    if (merge.undoneAt() != null) {
                        throw new ContactConflictException("merge " + mergeId + " was already undone by "
                                + merge.undoneBy() + " at " + merge.undoneAt());
                    }
                    return load(c, merge.survivorId())
                            .map(now -> undoOutcome(merge, now))
                            .chain(restored -> contacts.save(c, restored.survivor())
                                    .chain(() -> contacts.save(c, restored.absorbed())))
                            .chain(() -> merges.markUndone(c, merge, by, now()));
                });
    }

    private Uni<MergeRecord> apply(SqlConnection c, ContactState survivor, ContactState absorbed, String by,
                                   String reason, List<String> evidence) {
        if (!survivor.active() || !absorbed.active()) {
            throw new ContactConflictException("contact " + (survivor.active() ? absorbed.id() : survivor.id())
                    + " was already merged into another contact");
        }
        if (survivor.id().equals(absorbed.id())) {
            throw new ContactConflictException("a contact cannot be merged with itself");
        }
        ContactMerge.Outcome outcome = ContactMerge.merge(survivor, absorbed);
        MergeRecord record = new MergeRecord(UUID.randomUUID(), survivor.id(), absorbed.id(), now(), by, reason,
                evidence, new MergeRecord.Before(survivor, absorbed), null, null);
        // The absorbed contact gives up its identities before the survivor claims them.
        return contacts.save(c, outcome.absorbed())
                .chain(() -> contacts.save(c, outcome.survivor()))
                .chain(() -> merges.insert(c, record));
    }

    private static ContactMerge.Outcome undoOutcome(MergeRecord merge, ContactState survivorNow) {
        try {
            return ContactMerge.undo(merge.before().survivor(), merge.before().absorbed(), survivorNow);
        } catch (IllegalStateException e) {
            throw new ContactConflictException(e.getMessage());
        }
    }

    private Uni<ContactState> load(SqlConnection c, UUID id) {
        return contacts.find(c, id)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no contact " + id)));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

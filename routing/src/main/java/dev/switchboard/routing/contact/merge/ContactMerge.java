package dev.switchboard.routing.contact.merge;

import dev.switchboard.routing.contact.identity.Identity;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rule of merging two contacts and of undoing it, as plain data in, data out: the store only
 * saves what this returns.
 */
public final class ContactMerge {
    private ContactMerge() {
    }

    /** Both contacts after the merge. */
    public record Outcome(ContactState survivor, ContactState absorbed) {
    }

    /**
     * The survivor keeps its own values, fills its gaps from the absorbed contact and takes all its
     * identities; the absorbed contact stays as an empty row pointing at the survivor.
     */
    public static Outcome merge(ContactState survivor, ContactState absorbed) {
        if (survivor.id().equals(absorbed.id())) {
            throw new IllegalArgumentException("a contact cannot be merged with itself: " + survivor.id());
        }
        if (!survivor.active() || !absorbed.active()) {
            throw new IllegalStateException("only active contacts can be merged");
        }
        SortedSet<Identity> all = new TreeSet<>(survivor.identities());
        all.addAll(absorbed.identities());
        String lastChannel = survivor.lastChannel() != null ? survivor.lastChannel() : absorbed.lastChannel();
        return new Outcome(
                new ContactState(survivor.id(), survivor.createdAt(), survivor.fields().filledFrom(absorbed.fields()),
                        all, null, lastChannel),
                new ContactState(absorbed.id(), absorbed.createdAt(), absorbed.fields(), new TreeSet<>(),
                        survivor.id(), absorbed.lastChannel()));
    }

    /**
     * Both contacts as they were before the merge. Identities the survivor gained after the merge
     * stay with it: they were never the absorbed contact's.
     */
    public static Outcome undo(ContactState survivorBefore, ContactState absorbedBefore, ContactState survivorNow) {
        if (!survivorNow.active()) {
            throw new IllegalStateException("contact " + survivorNow.id() + " was merged into " + survivorNow.mergedInto()
                    + " since; undo that merge first");
        }
        SortedSet<Identity> kept = new TreeSet<>(survivorNow.identities());
        kept.removeAll(absorbedBefore.identities());
        kept.addAll(survivorBefore.identities());
        return new Outcome(
                new ContactState(survivorBefore.id(), survivorBefore.createdAt(), survivorBefore.fields(), kept,
                        survivorBefore.mergedInto(), survivorBefore.lastChannel()),
                absorbedBefore);
    }
}

package dev.switchboard.routing.contact.api;

import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.merge.ContactState;
import dev.switchboard.routing.contact.store.MergeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The records of {@code /api/contacts}; rows never leave the store. */
public final class ContactApi {
    private ContactApi() {
    }

    /** A contact as served. {@code mergedInto} is set when a merge absorbed it. */
    public record ContactView(UUID id, String name, String company, String plan, String revenueBand,
                              LocalDate customerSince, String language, String location, List<String> products,
                              List<String> identities, int openTickets, String lastChannel, UUID mergedInto) {

        static ContactView of(ContactState c, int openTickets) {
            return new ContactView(c.id(), c.fields().name(), c.fields().company(), c.fields().plan(),
                    c.fields().revenueBand(), c.fields().customerSince(), c.fields().language(), c.fields().location(),
                    c.fields().products(), c.identities().stream().map(Identity::toString).toList(), openTickets,
                    c.lastChannel(), c.mergedInto());
        }
    }

    /** POST and PUT body. Identities are written {@code kind:value}: "email:ann@acme.com", "phone:+32470123456". */
    public record ContactInput(String name, String company, String plan, String revenueBand, LocalDate customerSince,
                               String language, String location, List<String> products, List<String> identities) {
    }

    /** A manual merge: {@code absorbedId} disappears into {@code survivorId}. */
    public record MergeRequest(UUID survivorId, UUID absorbedId, String mergedBy, String reason) {
    }

    public record MergeView(UUID id, UUID survivorId, UUID absorbedId, Instant mergedAt, String mergedBy, String reason,
                            List<String> evidence, Instant undoneAt, String undoneBy) {

        static MergeView of(MergeRecord m) {
            return new MergeView(m.mergeId(), m.survivorId(), m.absorbedId(), m.mergedAt(), m.mergedBy(), m.reason(),
                    m.evidence(), m.undoneAt(), m.undoneBy());
        }
    }

    /** One CSV line that was not imported, and why. Line 1 is the header. */
    public record Rejection(long line, String reason) {
    }

    public record ImportReport(int created, int updated, int rejected, List<Rejection> rejections) {
    }
}

package dev.switchboard.routing.contact.api;

import dev.switchboard.routing.contact.ContactConflictException;
import dev.switchboard.routing.contact.api.ContactApi.ContactInput;
import dev.switchboard.routing.contact.api.ContactApi.ContactView;
import dev.switchboard.routing.contact.identity.Identities;
import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.InvalidIdentityException;
import dev.switchboard.routing.contact.merge.ContactFields;
import dev.switchboard.routing.contact.merge.ContactMatch.Known;
import dev.switchboard.routing.contact.merge.ContactState;
import dev.switchboard.routing.contact.store.ContactRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The built-in store as the API and the CSV import edit it; each call is one transaction. */
@ApplicationScoped
public class ContactBook {
    /** Whether an import line made a new contact or updated one. */
    public enum Outcome { CREATED, UPDATED }

    private final Pool pool;
    private final ContactRepository contacts;
    private final Identities identities;

    public ContactBook(Pool pool, ContactRepository contacts, Identities identities) {
        this.pool = pool;
        this.contacts = contacts;
        this.identities = identities;
    }

    public Uni<ContactView> find(UUID id) {
        return pool.withConnection(c -> load(c, id)
                .chain(contact -> view(c, contact)));
    }

    public Uni<ContactView> findByIdentity(String written) {
        Identity identity = identities.parse(written);
        return pool.withConnection(c -> contacts.owners(c, List.of(identity))
                .map(owners -> Optional.ofNullable(owners.get(identity))
                        .orElseThrow(() -> new NotFoundException("no contact with " + identity)))
                .chain(owner -> load(c, owner.contactId()))
                .chain(contact -> view(c, contact)));
    }

    public Uni<ContactView> create(ContactInput input) {
        SortedSet<Identity> wanted = parse(input.identities());
        ContactState contact = new ContactState(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                fieldsOf(input), wanted, null, null);
        return pool.withTransaction(c -> claim(c, contact.id(), wanted)
                .chain(() -> contacts.save(c, contact))
                .chain(saved -> view(c, saved)));
    }

    /** Replaces the fields and the identities of a contact. */
    public Uni<ContactView> update(UUID id, ContactInput input) {
        SortedSet<Identity> wanted = parse(input.identities());
        return pool.withTransaction(c -> load(c, id)
                .invoke(ContactBook::requireActive)
                .chain(existing -> claim(c, id, wanted)
                        .chain(() -> contacts.save(c, new ContactState(id, existing.createdAt(), fieldsOf(input), wanted,
                                null, existing.lastChannel()))))
                .chain(saved -> view(c, saved)));
    }

    /** An import line: updates the contact its identities point at, or creates one. */
    public Uni<Outcome> upsert(ContactFields fields, SortedSet<Identity> wanted) {
        return pool.withTransaction(c -> contacts.lock(c, wanted)
                .chain(() -> contacts.owners(c, wanted))
                .chain(owners -> {
                    List<UUID> found = owners.values().stream().map(Known::contactId).distinct().sorted().toList();
                    if (found.size() > 1) {
                        throw new ContactConflictException(written(wanted) + " belong to different contacts "
                                + found + "; merge them first");
                    }
                    if (found.isEmpty()) {
                        return contacts.save(c, new ContactState(UUID.randomUUID(),
                                        Instant.now().truncatedTo(ChronoUnit.MICROS), fields, wanted, null, null))
                                .replaceWith(Outcome.CREATED);
                    }
                    return load(c, found.get(0))
                            .chain(existing -> contacts.save(c, imported(existing, fields, wanted)))
                            .replaceWith(Outcome.UPDATED);
                }));
    }

    /** The file's values win where it has them; identities are added, never removed. */
    private static ContactState imported(ContactState existing, ContactFields fields, SortedSet<Identity> wanted) {
        TreeSet<Identity> all = new TreeSet<>(existing.identities());
        all.addAll(wanted);
        return new ContactState(existing.id(), existing.createdAt(), fields.filledFrom(existing.fields()), all,
                existing.mergedInto(), existing.lastChannel());
    }

    /** Fails when one of the identities already belongs to another contact. */
    private Uni<Void> claim(SqlConnection c, UUID id, SortedSet<Identity> wanted) {
        return contacts.lock(c, wanted)
                .chain(() -> contacts.owners(c, wanted))
                .invoke(owners -> {
                    String taken = owners.entrySet().stream()
                            .filter(e -> !e.getValue().contactId().equals(id))
                            .map(e -> e.getKey() + " belongs to contact " + e.getValue().contactId())
                            .collect(Collectors.joining("; "));
                    if (!taken.isEmpty()) {
                        throw new ContactConflictException(taken);
                    }
                })
                .replaceWithVoid();
    }

    private SortedSet<Identity> parse(List<String> written) {
        if (written == null || written.isEmpty()) {
            throw new InvalidIdentityException("a contact needs at least one identity, e.g. email:ann@acme.com");
        }
        return written.stream()
                .map(identities::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Uni<ContactState> load(SqlConnection c, UUID id) {
        return contacts.find(c, id)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no contact " + id)));
    }

    private Uni<ContactView> view(SqlConnection c, ContactState contact) {
        return contacts.conversations(c, contact.id())
                .map(open -> ContactView.of(contact, open));
    }

    private static void requireActive(ContactState contact) {
        if (!contact.active()) {
            throw new ContactConflictException("contact " + contact.id() + " was merged into " + contact.mergedInto());
        }
    }

    private static ContactFields fieldsOf(ContactInput input) {
        return new ContactFields(input.name(), input.company(), input.plan(), input.revenueBand(), input.customerSince(),
                input.language(), input.location(), input.products());
    }

    private static String written(SortedSet<Identity> identities) {
        return identities.stream().map(Identity::toString).collect(Collectors.joining(" and "));
    }
}

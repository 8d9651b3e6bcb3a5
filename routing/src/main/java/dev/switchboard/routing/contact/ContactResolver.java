package dev.switchboard.routing.contact;

import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.routing.contact.crm.ContextAssembly;
import dev.switchboard.routing.contact.crm.CrmContext;
import dev.switchboard.routing.contact.crm.CrmLookup;
import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.IdentityKind;
import dev.switchboard.routing.contact.identity.SenderIdentities;
import dev.switchboard.routing.contact.merge.ContactFields;
import dev.switchboard.routing.contact.merge.ContactMatch;
import dev.switchboard.routing.contact.merge.ContactState;
import dev.switchboard.routing.contact.store.ContactMerges;
import dev.switchboard.routing.contact.store.ContactRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Routing's entry point to contacts: finds or creates the contact of a message's sender, links
 * the identities the sender proves (merging contacts that turn out to be one person) and builds
 * the context an agent sees, with the reasons.
 */
@ApplicationScoped
public class ContactResolver {
    static final String AUTOMATIC = "routing";

    private final SenderIdentities senderIdentities;
    private final ContactRepository contacts;
    private final ContactMerges merges;
    private final CrmContext crm;

    public ContactResolver(SenderIdentities senderIdentities, ContactRepository contacts, ContactMerges merges,
                           CrmContext crm) {
        this.senderIdentities = senderIdentities;
        this.contacts = contacts;
        this.merges = merges;
        this.crm = crm;
    }

    /**
     * The contact as it was found and as it is after this message; the reasons of the linking.
     *
     * @param conversationsBefore its open conversations when already known (a new contact has none), else null
     */
    private record Linked(ContactState contact, String previousChannel, List<String> reasons,
                          Integer conversationsBefore) {
    }

    /**
     * What a batch read for all its senders at once, true for a message as long as no earlier message
     * of the same person was decided in the batch: who owns each identity, the owners' contacts and
     * their open conversations. Anything missing here is read from the database.
     */
    public record Prefetched(Map<Identity, ContactMatch.Known> owners, Map<UUID, ContactState> contacts,
                             Map<UUID, Integer> conversations) {
    }

    /** Finds or creates the contact of this message's sender, links identities the message proves, returns the context to attach. Runs inside routing's transaction. */
    public Uni<ResolvedContact> resolve(SqlConnection c, InboundMessage message) {
        return contacts.lock(c, senderIdentities.of(message)).chain(() -> resolveLocked(c, message, null));
    }

    /**
     * {@link #resolve} for a caller that already holds the locks of the sender's identities in this
     * transaction (routing takes a whole batch's at once, in one order, so batches cannot deadlock).
     */
    public Uni<ResolvedContact> resolveLocked(SqlConnection c, InboundMessage message, Prefetched prefetched) {
        SortedSet<Identity> shown = senderIdentities.of(message);
        if (shown.isEmpty()) {
            // Nothing to match on: the conversation stands for the person.
            UUID id = MessageIds.nameBased(MessageIds.INBOUND_NAMESPACE, "contact:" + message.conversationKey());
            return Uni.createFrom().item(new ResolvedContact(ContactContext.anonymous(id, message.sender().displayName()),
                    List.of("anonymous: the sender shows no email, phone or user id")));
        }
        UUID idIfNew = UUID.randomUUID();
        Uni<Map<Identity, ContactMatch.Known>> owners = prefetched == null ? contacts.owners(c, shown)
                : Uni.createFrom().item(ownersOf(shown, prefetched.owners()));
        return owners
                .chain(known -> link(c, message, shown, known, ContactMatch.decide(shown, known, idIfNew), prefetched))
                .chain(linked -> enrich(c, linked));
    }

    private static Map<Identity, ContactMatch.Known> ownersOf(SortedSet<Identity> shown,
                                                              Map<Identity, ContactMatch.Known> all) {
        Map<Identity, ContactMatch.Known> owners = new HashMap<>();
        shown.forEach(identity -> {
            ContactMatch.Known owner = all.get(identity);
            if (owner != null) {
                owners.put(identity, owner);
            }
        });
        return owners;
    }

    private Uni<Linked> link(SqlConnection c, InboundMessage message, SortedSet<Identity> shown,
                             Map<Identity, ContactMatch.Known> owners, ContactMatch.Decision decision,
                             Prefetched prefetched) {
        if (decision.isNew()) {
            ContactState created = new ContactState(decision.contactId(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                    ContactFields.named(message.sender().displayName()), shown, null, message.channel().id());
            return contacts.save(c, created)
                    .map(saved -> new Linked(saved, null, List.of("new contact for " + written(shown)), 0));
        }
        List<String> reasons = new ArrayList<>();
        owners.keySet().stream()
                .sorted()
                .forEach(identity -> reasons.add("matched by " + identity.kind().id() + " " + identity.value()));
        Uni<Void> merged = Uni.createFrom().voidItem();
        for (UUID absorbed : decision.absorbed()) {
            String why = "message " + message.id() + " on " + message.channel().id() + " showed " + written(shown)
                    + " from one sender";
            merged = merged.chain(() -> merges.merge(c, decision.contactId(), absorbed, AUTOMATIC, why,
                            shown.stream().map(Identity::toString).toList())
                    .invoke(merge -> reasons.add("merged contact " + absorbed + " into " + decision.contactId()
                            + ": one sender showed " + written(shown) + " (merge " + merge.mergeId() + ")"))
                    .replaceWithVoid());
        }
        decision.unlinked()
                .forEach(identity -> reasons.add("linked " + identity.kind().id() + " " + identity.value() + " (same sender)"));
        // Read before this message's merges, the batch's copies are only true without them.
        boolean prefetchHolds = prefetched != null && decision.absorbed().isEmpty();
        ContactState known = prefetchHolds ? prefetched.contacts().get(decision.contactId()) : null;
        Integer conversations = prefetchHolds ? prefetched.conversations().get(decision.contactId()) : null;
        return merged
                .chain(() -> known != null ? Uni.createFrom().item(known)
                        : contacts.find(c, decision.contactId()).map(found -> found.orElseThrow()))
                .chain(before -> {
                    ContactState after = touched(before, shown, message);
                    // A returning customer on the same channel changes nothing: no write at all.
                    return (after.equals(before) ? Uni.createFrom().item(after) : contacts.save(c, after))
                            .map(saved -> new Linked(saved, before.lastChannel(), reasons, conversations));
                });
    }

    /** The contact with the sender's identities linked, a name if it had none, and this channel as its last. */
    private static ContactState touched(ContactState contact, SortedSet<Identity> shown, InboundMessage message) {
        TreeSet<Identity> identities = new TreeSet<>(contact.identities());
        identities.addAll(shown);
        ContactFields fields = contact.fields().filledFrom(ContactFields.named(message.sender().displayName()));
        return new ContactState(contact.id(), contact.createdAt(), fields, identities, null, message.channel().id());
    }

    private Uni<ResolvedContact> enrich(SqlConnection c, Linked linked) {
        Context context = Vertx.currentContext();
        Uni<Integer> conversations = linked.conversationsBefore() != null
                ? Uni.createFrom().item(linked.conversationsBefore())
                : contacts.conversations(c, linked.contact().id());
        return conversations
                .chain(open -> crmLookup(linked.contact())
                        .emitOn(command -> onContext(context, command))
                        .map(answer -> ContextAssembly.assemble(linked.contact(), open, linked.previousChannel(), answer)))
                .map(assembled -> {
                    List<String> reasons = new ArrayList<>(linked.reasons());
                    reasons.add(assembled.reason());
                    return new ResolvedContact(assembled.context(), reasons);
                });
    }

    /** The CRM knows people by email, else by phone. */
    private Uni<CrmLookup> crmLookup(ContactState contact) {
        return contact.identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .findFirst()
                .or(() -> contact.identities().stream().filter(i -> i.kind() == IdentityKind.PHONE).findFirst())
                .map(crm::lookup)
                .orElseGet(() -> Uni.createFrom().item(new CrmLookup.Disabled()));
    }

    /** A CRM answer may arrive on a timer thread; the transaction's connection belongs to the caller's context. */
    private static void onContext(Context context, Runnable command) {
        if (context == null) {
            command.run();
        } else {
            context.runOnContext(ignored -> command.run());
        }
    }

    private static String written(SortedSet<Identity> identities) {
        return identities.stream().map(Identity::toString).collect(Collectors.joining(", "));
    }
}

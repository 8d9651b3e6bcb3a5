package dev.switchboard.routing.contact.store;

import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.IdentityKind;
import dev.switchboard.routing.locking.TransactionLocks;
import dev.switchboard.routing.contact.merge.ContactFields;
import dev.switchboard.routing.contact.merge.ContactMatch.Known;
import dev.switchboard.routing.contact.merge.ContactState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** routing.contact and routing.contact_identity: contacts as {@link ContactState}, saved whole. */
@ApplicationScoped
public class ContactRepository {
    private static final String COLUMNS = "contact_id, created_at, name, company, plan, revenue_band, customer_since, "
            + "language, location, products, merged_into, last_channel";

    /**
     * Serialises resolutions that touch the same identity until the transaction ends, so two
     * messages of one new person cannot create two contacts. Locks are taken in sorted order.
     */
    public Uni<Void> lock(SqlConnection c, Collection<Identity> identities) {
        return TransactionLocks.lockAll(c, identities.stream().map(i -> "contact:" + i).toList());
    }

    /** The contact each identity already belongs to; identities nobody has are absent. */
    public Uni<Map<Identity, Known>> owners(SqlConnection c, Collection<Identity> identities) {
        return c.preparedQuery("SELECT i.kind, i.value, c.contact_id, c.created_at FROM routing.contact_identity i "
                        + "JOIN routing.contact c ON c.contact_id = i.contact_id "
                        + "WHERE (i.kind, i.value) IN (SELECT * FROM unnest($1::text[], $2::text[]))")
                .execute(Tuple.of(kinds(identities), values(identities)))
                .map(rows -> {
                    Map<Identity, Known> owners = new HashMap<>();
                    rows.forEach(r -> owners.put(identityOf(r),
                            new Known(r.getUUID("contact_id"), r.getOffsetDateTime("created_at").toInstant())));
                    return owners;
                });
    }

    public Uni<Optional<ContactState>> find(SqlConnection c, UUID id) {
        return findAll(c, List.of(id)).map(found -> Optional.ofNullable(found.get(id)));
    }

    /** Contacts by id, each with its identities: one round trip for one contact or a batch's. */
    public Uni<Map<UUID, ContactState>> findAll(SqlConnection c, Collection<UUID> ids) {
        return c.preparedQuery("SELECT " + COLUMNS + ", ARRAY(SELECT i.kind FROM routing.contact_identity i "
                        + "WHERE i.contact_id = k.contact_id ORDER BY i.kind, i.value) AS identity_kinds, "
                        + "ARRAY(SELECT i.value FROM routing.contact_identity i "
                        + "WHERE i.contact_id = k.contact_id ORDER BY i.kind, i.value) AS identity_values "
                        + "FROM routing.contact k WHERE k.contact_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, ContactState> found = new HashMap<>();
                    for (Row r : rows) {
                        String[] kinds = r.getArrayOfStrings("identity_kinds");
                        String[] values = r.getArrayOfStrings("identity_values");
                        TreeSet<Identity> identities = new TreeSet<>();
                        for (int i = 0; i < kinds.length; i++) {
                            identities.add(new Identity(IdentityKind.valueOf(kinds[i]), values[i]));
                        }
                        ContactState state = toState(r, identities);
                        found.put(state.id(), state);
                    }
                    return found;
                });
    }

    /** Inserts or updates the contact row, then makes its identities exactly {@code state.identities()}. */
    public Uni<ContactState> save(SqlConnection c, ContactState state) {
        ContactFields f = state.fields();
        return c.preparedQuery("INSERT INTO routing.contact (" + COLUMNS + ") "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                        + "ON CONFLICT (contact_id) DO UPDATE SET name = $3, company = $4, plan = $5, revenue_band = $6, "
                        + "customer_since = $7, language = $8, location = $9, products = $10, merged_into = $11, "
                        + "last_channel = $12")
                .execute(Tuple.tuple()
                        .addUUID(state.id())
                        .addOffsetDateTime(OffsetDateTime.ofInstant(state.createdAt(), ZoneOffset.UTC))
                        .addString(f.name())
                        .addString(f.company())
                        .addString(f.plan())
                        .addString(f.revenueBand())
                        .addLocalDate(f.customerSince())
                        .addString(f.language())
                        .addString(f.location())
                        .addArrayOfString(f.products().toArray(String[]::new))
                        .addUUID(state.mergedInto())
                        .addString(state.lastChannel()))
                .chain(() -> c.preparedQuery("DELETE FROM routing.contact_identity WHERE contact_id = $1 "
                                + "AND (kind, value) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))")
                        .execute(Tuple.of(state.id(), kinds(state.identities()), values(state.identities()))))
                .chain(() -> c.preparedQuery("INSERT INTO routing.contact_identity (kind, value, contact_id, linked_at) "
                                + "SELECT k, v, $3, now() FROM unnest($1::text[], $2::text[]) AS t(k, v) "
                                + "ON CONFLICT (kind, value) DO UPDATE SET contact_id = EXCLUDED.contact_id, linked_at = now() "
                                + "WHERE routing.contact_identity.contact_id <> EXCLUDED.contact_id")
                        .execute(Tuple.of(kinds(state.identities()), values(state.identities()), state.id())))
                .replaceWith(state);
    }

    /**
     * Open tickets, for now: the conversations routing has routed for this contact and the contacts
     * merged into it (ticket-core owns the real ticket status).
     */
    public Uni<Integer> conversations(SqlConnection c, UUID id) {
        return conversations(c, List.of(id)).map(counts -> counts.getOrDefault(id, 0));
    }

    /** {@link #conversations(SqlConnection, UUID)} for a batch's contacts in one round trip. */
    public Uni<Map<UUID, Integer>> conversations(SqlConnection c, Collection<UUID> ids) {
        // Written so the plan stays two index reads per contact however stale the statistics (a growing
        // table looks small to the planner, which then scanned both tables for every message): the family
        // through the partial index of merged contacts, the conversations through the primary key with = ANY.
        return c.preparedQuery("SELECT r.id, (SELECT count(DISTINCT conversation_key) FROM routing.contact_conversation "
                        + "WHERE contact_id = ANY(ARRAY(WITH RECURSIVE family(id) AS (SELECT r.id UNION "
                        + "SELECT k.contact_id FROM routing.contact k JOIN family f ON k.merged_into = f.id "
                        + "WHERE k.merged_into IS NOT NULL) SELECT id FROM family))) AS n "
                        + "FROM unnest($1::uuid[]) AS r(id)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(r.getUUID("id"), r.getLong("n").intValue()));
                    return counts;
                });
    }

    private static ContactState toState(Row r, TreeSet<Identity> identities) {
        String[] products = r.getArrayOfStrings("products");
        ContactFields fields = new ContactFields(r.getString("name"), r.getString("company"), r.getString("plan"),
                r.getString("revenue_band"), r.getLocalDate("customer_since"), r.getString("language"),
                r.getString("location"), products == null ? null : Arrays.asList(products));
        return new ContactState(r.getUUID("contact_id"), r.getOffsetDateTime("created_at").toInstant(), fields,
                identities, r.getUUID("merged_into"), r.getString("last_channel"));
    }

    private static Identity identityOf(Row r) {
        return new Identity(IdentityKind.valueOf(r.getString("kind")), r.getString("value"));
    }

    private static String[] kinds(Collection<Identity> identities) {
        return identities.stream().map(i -> i.kind().name()).toArray(String[]::new);
    }

    private static String[] values(Collection<Identity> identities) {
        return identities.stream().map(Identity::value).toArray(String[]::new);
    }
}

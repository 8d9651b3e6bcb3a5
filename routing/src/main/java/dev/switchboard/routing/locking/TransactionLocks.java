package dev.switchboard.routing.locking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;

/**
 * PostgreSQL advisory locks held until the transaction ends, on names such as
 * {@code contact:phone:+32470...}, {@code conversation:whatsapp:...} or {@code agent:alice}. Each kind
 * (the part before the first colon) has a key space of its own (two-key locks: the kind's hash, the
 * name's hash), so a contact can never share a lock with a conversation or an agent by a hash
 * collision. Taken in one statement, in hash order: two transactions that want some of the same
 * locks wait for each other instead of deadlocking, even when two names of a kind share a hash.
 * Kinds are taken in one order everywhere: contacts, then conversations, then agents.
 */
public final class TransactionLocks {
    private TransactionLocks() {
    }

    public static Uni<Void> lockAll(SqlConnection c, Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext(split_part(k, ':', 1)), hashtext(k)) "
                        + "FROM (SELECT k FROM unnest($1::text[]) AS k "
                        + "ORDER BY hashtext(split_part(k, ':', 1)), hashtext(k)) AS sorted")
                .execute(Tuple.of(names.stream().distinct().toArray(String[]::new)))
                .replaceWithVoid();
    }
}

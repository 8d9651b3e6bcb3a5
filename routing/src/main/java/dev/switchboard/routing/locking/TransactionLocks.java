package dev.switchboard.routing.locking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.TreeSet;

/**
 * PostgreSQL advisory locks held until the transaction ends, on names such as
 * {@code contact:phone:+32470...} or {@code conversation:whatsapp:...}. Always taken in sorted
 * order and in one statement (unnest keeps the array's order), so two transactions that want some
 * of the same names wait for each other instead of deadlocking.
 */
public final class TransactionLocks {
    private TransactionLocks() {
    }

    public static Uni<Void> lockAll(SqlConnection c, Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k")
                .execute(Tuple.of(new TreeSet<>(names).toArray(String[]::new)))
                .replaceWithVoid();
    }
}

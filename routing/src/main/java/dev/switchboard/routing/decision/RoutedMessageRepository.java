package dev.switchboard.routing.decision;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** routing.routed_message: what was decided for each message, and whether it was published. */
@ApplicationScoped
public class RoutedMessageRepository {

    /** A stored decision. {@code published} is false after a crash between commit and broker ack. */
    public record RoutedMessage(UUID messageId, String agentId, String eventJson, boolean published) {
    }

    /** Published unless it still waits to be (V9). */
    private static final String PUBLISHED = "NOT EXISTS (SELECT 1 FROM routing.unpublished_decision u "
            + "WHERE u.message_id = r.message_id) AS published ";

    private final Pool pool;

    public RoutedMessageRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<Optional<RoutedMessage>> find(SqlConnection c, UUID messageId) {
        return c.preparedQuery("SELECT message_id, agent_id, event::text AS event, " + PUBLISHED
                        + "FROM routing.routed_message r WHERE message_id = $1")
                .execute(Tuple.of(messageId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(toRouted(rows.iterator().next())) : Optional.empty());
    }

    /** The stored decisions among these message ids, by id: one query for a whole batch. */
    public Uni<Map<UUID, RoutedMessage>> findAll(SqlConnection c, Collection<UUID> messageIds) {
        return c.preparedQuery("SELECT message_id, agent_id, event::text AS event, " + PUBLISHED
                        + "FROM routing.routed_message r WHERE message_id = ANY($1)")
                .execute(Tuple.of(messageIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, RoutedMessage> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getUUID("message_id"), toRouted(r)));
                    return found;
                });
    }

    public Uni<Optional<RoutedMessage>> find(UUID messageId) {
        return pool.withConnection(c -> find(c, messageId));
    }

    /** A later decision for the same message (queued work assigned): replaces the stored one, unpublished. */
    public Uni<Void> redecide(SqlConnection c, UUID messageId, String agentId, Instant decidedAt, String eventJson) {
        return c.preparedQuery("WITH redecided AS (UPDATE routing.routed_message SET agent_id = $2, decided_at = $3, "
                        + "event = $4::text::json WHERE message_id = $1 RETURNING message_id, decided_at) "
                        + "INSERT INTO routing.unpublished_decision (message_id, decided_at) "
                        + "SELECT message_id, decided_at FROM redecided "
                        + "ON CONFLICT (message_id) DO UPDATE SET decided_at = EXCLUDED.decided_at")
                .execute(Tuple.tuple()
                        .addUUID(messageId)
                        .addString(agentId)
                        .addOffsetDateTime(OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC))
                        .addString(eventJson))
                .replaceWithVoid();
    }

    /** Decisions older than {@code age} that the broker never acknowledged. */
    public Uni<List<RoutedMessage>> unpublished(Duration age) {
        return pool.preparedQuery("SELECT r.message_id, r.agent_id, r.event::text AS event, false AS published "
                        + "FROM routing.unpublished_decision u JOIN routing.routed_message r USING (message_id) "
                        + "WHERE u.decided_at < $1 ORDER BY u.decided_at LIMIT 500")
                .execute(Tuple.of(OffsetDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC)))
                .map(rows -> {
                    List<RoutedMessage> found = new ArrayList<>();
                    rows.forEach(r -> found.add(toRouted(r)));
                    return found;
                });
    }

    /** Marks a batch's decisions published, in one statement, once the broker acknowledged all of them. */
    public Uni<Void> markPublished(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM routing.unpublished_decision WHERE message_id = ANY($1)")
                .execute(Tuple.of(messageIds.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> markPublished(UUID messageId) {
        return markPublished(List.of(messageId));
    }

    private static RoutedMessage toRouted(Row row) {
        return new RoutedMessage(row.getUUID("message_id"), row.getString("agent_id"), row.getString("event"),
                row.getBoolean("published"));
    }
}

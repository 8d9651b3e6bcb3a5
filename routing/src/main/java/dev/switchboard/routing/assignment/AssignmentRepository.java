package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Agents, who holds which conversation, and the queue: routing's assignment tables. */
@ApplicationScoped
public class AssignmentRepository {

    /** A conversation an agent holds. */
    public record Holding(String conversationKey, String agentId, Channel channel, Instant assignedAt) {
    }

    private final Pool pool;

    public AssignmentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Agent>> agents() {
        return pool.query("SELECT doc::text AS doc FROM routing.agent ORDER BY id").execute()
                .map(rows -> {
                    List<Agent> agents = new ArrayList<>();
                    rows.forEach(r -> agents.add(read(r.getString("doc"), AgentDocument.class).toAgent()));
                    return agents;
                });
    }

    public Uni<Void> saveAgent(Agent agent) {
        return pool.preparedQuery("INSERT INTO routing.agent (id, doc, updated_at) VALUES ($1, $2, now()) "
                        + "ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()")
                .execute(Tuple.of(agent.id(), new JsonObject(new String(Json.write(AgentDocument.of(agent)),
                        StandardCharsets.UTF_8))))
                .replaceWithVoid();
    }

    public Uni<Boolean> deleteAgent(String id) {
        return pool.preparedQuery("DELETE FROM routing.agent WHERE id = $1").execute(Tuple.of(id))
                .map(result -> result.rowCount() == 1);
    }

    public Uni<List<Holding>> holdings() {
        return pool.query("SELECT conversation_key, agent_id, channel, assigned_at FROM routing.conversation_assignment")
                .execute()
                .map(rows -> {
                    List<Holding> all = new ArrayList<>();
                    rows.forEach(r -> all.add(holding(r)));
                    return all;
                });
    }

    public Uni<Optional<Holding>> holder(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at "
                        + "FROM routing.conversation_assignment WHERE conversation_key = $1")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(holding(rows.iterator().next())) : Optional.empty());
    }

    public Uni<Void> hold(SqlConnection c, String conversationKey, String agentId, Channel channel, Instant at) {
        return c.preparedQuery("INSERT INTO routing.conversation_assignment (conversation_key, agent_id, channel, assigned_at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_key) DO UPDATE "
                        + "SET agent_id = EXCLUDED.agent_id, channel = EXCLUDED.channel, assigned_at = EXCLUDED.assigned_at")
                .execute(Tuple.of(conversationKey, agentId, channel.id(), utc(at)))
                .chain(() -> c.preparedQuery("DELETE FROM routing.queued_work WHERE conversation_key = $1")
                        .execute(Tuple.of(conversationKey)))
                .replaceWithVoid();
    }

    /** @return the holding that was released, if the conversation was held */
    public Uni<Optional<Holding>> release(SqlConnection c, String conversationKey) {
        return c.preparedQuery("DELETE FROM routing.conversation_assignment WHERE conversation_key = $1 "
                        + "RETURNING conversation_key, agent_id, channel, assigned_at")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(holding(rows.iterator().next())) : Optional.empty());
    }

    /** @return false when this event was applied before */
    public Uni<Boolean> markApplied(SqlConnection c, UUID eventId) {
        return c.preparedQuery("INSERT INTO routing.applied_ticket_event (event_id, applied_at) VALUES ($1, now()) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(eventId))
                .map(result -> result.rowCount() == 1);
    }

    public Uni<Void> enqueue(SqlConnection c, WorkItem work, Instant at) {
        return c.preparedQuery("INSERT INTO routing.queued_work "
                        + "(conversation_key, message_id, channel, priority_rank, work, queued_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (conversation_key) DO NOTHING")
                .execute(Tuple.tuple()
                        .addString(work.conversationKey())
                        .addUUID(work.messageId())
                        .addString(work.channel().id())
                        .addInteger(work.priority().ordinal())
                        .addValue(new JsonObject(new String(Json.write(work), StandardCharsets.UTF_8)))
                        .addOffsetDateTime(utc(at)))
                .replaceWithVoid();
    }

    public Uni<List<WorkItem>> queued() {
        return pool.query("SELECT work::text AS work FROM routing.queued_work ORDER BY priority_rank, queued_at")
                .execute()
                .map(rows -> {
                    List<WorkItem> items = new ArrayList<>();
                    rows.forEach(r -> items.add(read(r.getString("work"), WorkItem.class)));
                    return items;
                });
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    private static Holding holding(Row r) {
        return new Holding(r.getString("conversation_key"), r.getString("agent_id"), Channel.fromId(r.getString("channel")),
                r.getOffsetDateTime("assigned_at").toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}

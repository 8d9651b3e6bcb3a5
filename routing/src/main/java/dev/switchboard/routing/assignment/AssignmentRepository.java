package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.routing.locking.TransactionLocks;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Agents, who holds which conversation, and the queue: routing's assignment tables. */
@ApplicationScoped
public class AssignmentRepository {

    /** An assignment whose agent has not answered yet. */
    public record Unanswered(Holding holding, WorkItem work) {
    }

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

    /** How many conversations an agent holds on a channel, and when the latest was given to them. */
    public record HeldCount(String agentId, Channel channel, int count, Instant lastAssignedAt) {
    }

    /** Every agent's load as the database holds it: what all routing instances committed. */
    public Uni<List<HeldCount>> heldCounts() {
        return pool.query("SELECT agent_id, channel, count(*) AS held, max(assigned_at) AS latest "
                        + "FROM routing.conversation_assignment GROUP BY agent_id, channel")
                .execute()
                .map(rows -> {
                    List<HeldCount> all = new ArrayList<>();
                    rows.forEach(r -> all.add(new HeldCount(r.getString("agent_id"), Channel.fromId(r.getString("channel")),
                            r.getInteger("held"), r.getOffsetDateTime("latest").toInstant())));
                    return all;
                });
    }

    /**
     * Changes whenever any agent is written or deleted, by any instance (a row's {@code xmin} is the
     * transaction that wrote it): the cheap question asked before reading every agent again.
     */
    public Uni<String> agentsFingerprint() {
        return pool.query("SELECT coalesce(md5(string_agg(id || ':' || xmin::text, ',' ORDER BY id)), '') AS f "
                        + "FROM routing.agent")
                .execute()
                .map(rows -> rows.iterator().next().getString("f"));
    }

    /**
     * An agent the transaction must not give new work on a channel, as the database has them now.
     *
     * @param held   conversations they hold on the channel, the transaction's own included
     * @param stored the agent as stored now; null when deleted
     */
    public record Overbooked(String agentId, Channel channel, int held, Agent stored) {
        /** Why, for the log. */
        public String reason() {
            if (stored == null) {
                return agentId + " no longer exists";
            }
            if (stored.presence() != Agent.Presence.ONLINE) {
                return agentId + " is " + stored.presence().name().toLowerCase(Locale.ROOT);
            }
            return agentId + " would hold " + held + " of " + stored.capacityFor(channel) + " on " + channel.id();
        }
    }

    /**
     * The database's word on new assignments, just before the transaction commits: takes the agents'
     * locks (sorted, after every conversation lock: one order everywhere) so that two transactions
     * giving work to the same agent, from this instance or another, count one after the other, then
     * counts what each agent holds on the channel with this transaction's own holds, against the
     * agent as stored (capacity and presence another instance may have changed). Two statements: the
     * count must see what the transaction before it committed while this one waited for the lock.
     *
     * @param slots the agents and channels given new work here
     * @return those over capacity, no longer online or deleted; empty when the transaction may commit
     */
    public Uni<List<Overbooked>> overbooked(SqlConnection c, Collection<AgentChannel> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> agentIds = slots.stream().map(AgentChannel::agentId).toList();
        String[] channels = slots.stream().map(s -> s.channel().id()).toArray(String[]::new);
        return TransactionLocks.lockAll(c, agentIds.stream().map(a -> "agent:" + a).toList())
                .chain(() -> c.preparedQuery("SELECT i.agent_id, i.channel, h.held, g.doc::text AS doc "
                                + "FROM unnest($1::text[], $2::text[]) AS i(agent_id, channel) "
                                + "LEFT JOIN routing.agent g ON g.id = i.agent_id "
                                + "CROSS JOIN LATERAL (SELECT count(*) AS held FROM routing.conversation_assignment a "
                                + "WHERE a.agent_id = i.agent_id AND a.channel = i.channel) h "
                                + "WHERE g.id IS NULL OR g.doc->>'presence' IS DISTINCT FROM 'online' "
                                + "OR h.held > coalesce((g.doc->'capacity'->>i.channel)::int, 0)")
                        .execute(Tuple.of(agentIds.toArray(String[]::new), channels)))
                .map(rows -> {
                    List<Overbooked> over = new ArrayList<>();
                    rows.forEach(r -> {
                        String doc = r.getString("doc");
                        over.add(new Overbooked(r.getString("agent_id"), Channel.fromId(r.getString("channel")),
                                r.getInteger("held"), doc == null ? null : read(doc, AgentDocument.class).toAgent()));
                    });
                    return over;
                });
    }

    /**
     * Sets one agent's presence in the stored document and nothing else (another instance may have
     * changed their skills a moment ago: no read-modify-write of a copy in memory).
     *
     * @return the agent as stored now; empty when there is no such agent
     */
    public Uni<Optional<Agent>> savePresence(String agentId, Agent.Presence presence) {
        return pool.preparedQuery("UPDATE routing.agent SET doc = jsonb_set(doc, '{presence}', to_jsonb($2::text)), "
                        + "updated_at = now() WHERE id = $1 RETURNING doc::text AS doc")
                .execute(Tuple.of(agentId, presence.name().toLowerCase(Locale.ROOT)))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(read(rows.iterator().next().getString("doc"), AgentDocument.class).toAgent())
                        : Optional.empty());
    }

    /**
     * Takes the conversations' locks until the transaction ends, in one order. Everything that
     * changes who holds a conversation (a message's decision, the queue drain, a re-offer, a solve,
     * a hand-over) takes it first, so none of them decides on a holder another is replacing.
     */
    public Uni<Void> lockConversations(SqlConnection c, Collection<String> conversationKeys) {
        return TransactionLocks.lockAll(c, conversationKeys.stream().map(k -> "conversation:" + k).toList());
    }

    /** @return whether this message's work still waits in the queue (nobody took the conversation meanwhile) */
    public Uni<Boolean> stillQueued(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT 1 FROM routing.queued_work WHERE conversation_key = $1")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Who holds each of these conversations; conversations nobody holds are absent. */
    public Uni<Map<String, Holding>> holders(SqlConnection c, Collection<String> conversationKeys) {
        return c.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at "
                        + "FROM routing.conversation_assignment WHERE conversation_key = ANY($1)")
                .execute(Tuple.of(conversationKeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Holding> held = new HashMap<>();
                    rows.forEach(r -> held.put(r.getString("conversation_key"), holding(r)));
                    return held;
                });
    }

    public Uni<Optional<Holding>> holder(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at "
                        + "FROM routing.conversation_assignment WHERE conversation_key = $1")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(holding(rows.iterator().next())) : Optional.empty());
    }

    /**
     * How a new hold meets an existing one: the new agent and work win; the same agent again keeps
     * the first offer's clock (and whether they answered). Shared with the intake's decision write.
     */
    public static final String HOLD_ON_CONFLICT = "ON CONFLICT (conversation_key) DO UPDATE SET work = EXCLUDED.work, "
            + "assigned_at = CASE WHEN conversation_assignment.agent_id = EXCLUDED.agent_id "
            + "THEN conversation_assignment.assigned_at ELSE EXCLUDED.assigned_at END, "
            + "answered_at = CASE WHEN conversation_assignment.agent_id = EXCLUDED.agent_id "
            + "THEN conversation_assignment.answered_at END, "
            + "agent_id = EXCLUDED.agent_id, channel = EXCLUDED.channel";

    /** The agent holds the conversation; a follow-up to the same agent keeps the first offer's clock. */
    public Uni<Void> hold(SqlConnection c, WorkItem work, String agentId, Instant at) {
        // Taken off the queue in the same statement (a data-modifying CTE always runs): one round trip.
        return c.preparedQuery("WITH dequeued AS (DELETE FROM routing.queued_work WHERE conversation_key = $1) "
                        + "INSERT INTO routing.conversation_assignment "
                        + "(conversation_key, agent_id, channel, assigned_at, work) VALUES ($1, $2, $3, $4, $5::text::jsonb) "
                        + HOLD_ON_CONFLICT)
                .execute(Tuple.tuple()
                        .addString(work.conversationKey())
                        .addString(agentId)
                        .addString(work.channel().id())
                        .addOffsetDateTime(utc(at))
                        .addString(new String(Json.write(work), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    public Uni<Void> markAnswered(SqlConnection c, String conversationKey, String agentId) {
        return c.preparedQuery("UPDATE routing.conversation_assignment SET answered_at = now() "
                        + "WHERE conversation_key = $1 AND agent_id = $2 AND answered_at IS NULL")
                .execute(Tuple.of(conversationKey, agentId))
                .replaceWithVoid();
    }

    /** Assignments not answered since before {@code cutoff}, with the work they were for. */
    public Uni<List<Unanswered>> unanswered(Instant cutoff) {
        return pool.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at, work::text AS work "
                        + "FROM routing.conversation_assignment "
                        + "WHERE answered_at IS NULL AND assigned_at < $1 AND work IS NOT NULL LIMIT 200")
                .execute(Tuple.of(utc(cutoff)))
                .map(rows -> {
                    List<Unanswered> all = new ArrayList<>();
                    rows.forEach(r -> all.add(new Unanswered(holding(r), read(r.getString("work"), WorkItem.class))));
                    return all;
                });
    }

    /** Takes the conversation back from an agent who did not answer and queues it for others. */
    public Uni<Boolean> reoffer(SqlConnection c, Unanswered unanswered, Instant at) {
        return lockConversations(c, List.of(unanswered.holding().conversationKey()))
                .chain(() -> c.preparedQuery("DELETE FROM routing.conversation_assignment "
                        + "WHERE conversation_key = $1 AND agent_id = $2 AND answered_at IS NULL")
                .execute(Tuple.of(unanswered.holding().conversationKey(), unanswered.holding().agentId())))
                .chain(deleted -> deleted.rowCount() == 0 ? Uni.createFrom().item(false)
                        : enqueue(c, unanswered.work().declinedBy(unanswered.holding().agentId()), at)
                                .map(ignored -> true));
    }

    /**
     * A person moved the conversation to another agent in ticket-core: the hold follows, taking the
     * work off the queue if it was waiting there. The re-offer clock starts again for the new agent.
     *
     * @return the holding before, if the conversation was held; empty also when nothing changed
     *         (the agent already holds it) — see {@link HandOver}
     */
    public Uni<HandOver> handOver(SqlConnection c, String conversationKey, String agentId, Channel channel, Instant at) {
        return lockConversations(c, List.of(conversationKey))
                .chain(() -> c.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at "
                        + "FROM routing.conversation_assignment WHERE conversation_key = $1")
                .execute(Tuple.of(conversationKey)))
                .chain(rows -> {
                    Optional<Holding> before = rows.iterator().hasNext()
                            ? Optional.of(holding(rows.iterator().next())) : Optional.empty();
                    if (before.isPresent() && before.get().agentId().equals(agentId)) {
                        return Uni.createFrom().item(new HandOver(false, before));
                    }
                    return c.preparedQuery("WITH dequeued AS (DELETE FROM routing.queued_work WHERE conversation_key = $1 "
                                    + "RETURNING work) INSERT INTO routing.conversation_assignment "
                                    + "(conversation_key, agent_id, channel, assigned_at, work) "
                                    + "VALUES ($1, $2, $3, $4, (SELECT work FROM dequeued)) "
                                    + "ON CONFLICT (conversation_key) DO UPDATE SET agent_id = EXCLUDED.agent_id, "
                                    + "assigned_at = EXCLUDED.assigned_at, answered_at = NULL")
                            .execute(Tuple.of(conversationKey, agentId,
                                    before.map(Holding::channel).orElse(channel).id(), utc(at)))
                            .map(ignored -> new HandOver(true, before));
                });
    }

    /** @param changed false when the agent held the conversation already; {@code before} the previous holding */
    public record HandOver(boolean changed, Optional<Holding> before) {
    }

    /** @return the holding that was released, if the conversation was held */
    public Uni<Optional<Holding>> release(SqlConnection c, String conversationKey) {
        return lockConversations(c, List.of(conversationKey))
                .chain(() -> c.preparedQuery("DELETE FROM routing.conversation_assignment WHERE conversation_key = $1 "
                        + "RETURNING conversation_key, agent_id, channel, assigned_at")
                .execute(Tuple.of(conversationKey)))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(holding(rows.iterator().next())) : Optional.empty());
    }

    /** One idempotent statement on its own (no transaction around it): a round trip per new ticket, not three. */
    public Uni<Void> rememberTicket(UUID ticketId, String conversationKey) {
        return pool.preparedQuery("INSERT INTO routing.ticket_conversation (ticket_id, conversation_key) VALUES ($1, $2) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(ticketId, conversationKey))
                .replaceWithVoid();
    }

    public Uni<Optional<String>> conversationOf(SqlConnection c, UUID ticketId) {
        return c.preparedQuery("SELECT conversation_key FROM routing.ticket_conversation WHERE ticket_id = $1")
                .execute(Tuple.of(ticketId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getString("conversation_key")) : Optional.empty());
    }

    /** A queued conversation whose SLA is breached moves one priority up (never beyond critical). */
    public Uni<Boolean> raiseQueued(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT work::text AS work FROM routing.queued_work WHERE conversation_key = $1 FOR UPDATE")
                .execute(Tuple.of(conversationKey))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    WorkItem work = read(rows.iterator().next().getString("work"), WorkItem.class).raised();
                    return c.preparedQuery("UPDATE routing.queued_work SET work = $2, priority_rank = $3 "
                                    + "WHERE conversation_key = $1")
                            .execute(Tuple.of(conversationKey,
                                    new JsonObject(new String(Json.write(work), StandardCharsets.UTF_8)),
                                    work.priority().ordinal()))
                            .map(ignored -> true);
                });
    }

    /** The unanswered holding of a conversation, if its agent has not replied yet. */
    public Uni<Optional<Unanswered>> unansweredHolding(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT conversation_key, agent_id, channel, assigned_at, work::text AS work "
                        + "FROM routing.conversation_assignment "
                        + "WHERE conversation_key = $1 AND answered_at IS NULL AND work IS NOT NULL")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(new Unanswered(holding(rows.iterator().next()),
                                read(rows.iterator().next().getString("work"), WorkItem.class)))
                        : Optional.empty());
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
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6) ON CONFLICT (conversation_key) DO NOTHING")
                .execute(Tuple.tuple()
                        .addString(work.conversationKey())
                        .addUUID(work.messageId())
                        .addString(work.channel().id())
                        .addInteger(work.priority().ordinal())
                        .addString(new String(Json.write(work), StandardCharsets.UTF_8))
                        .addOffsetDateTime(utc(at)))
                .replaceWithVoid();
    }

    /** The whole queue, most urgent first. */
    public Uni<List<WorkItem>> queued() {
        return pool.query("SELECT work::text AS work FROM routing.queued_work ORDER BY priority_rank, queued_at")
                .execute()
                .map(AssignmentRepository::workItems);
    }

    /** The queued work on these channels, most urgent first. */
    public Uni<List<WorkItem>> queued(Set<Channel> channels) {
        return pool.preparedQuery("SELECT work::text AS work FROM routing.queued_work WHERE channel = ANY($1) "
                        + "ORDER BY priority_rank, queued_at")
                .execute(Tuple.of(channels.stream().map(Channel::id).toArray(String[]::new)))
                .map(AssignmentRepository::workItems);
    }

    private static List<WorkItem> workItems(RowSet<Row> rows) {
        List<WorkItem> items = new ArrayList<>();
        rows.forEach(r -> items.add(read(r.getString("work"), WorkItem.class)));
        return items;
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

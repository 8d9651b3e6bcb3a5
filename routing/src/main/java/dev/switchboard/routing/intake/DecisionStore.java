package dev.switchboard.routing.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.routing.assignment.AssignmentRepository;
import dev.switchboard.routing.assignment.WorkItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores decisions and everything they change in one statement (one round trip, and one statement for
 * PostgreSQL to plan, for any number of decisions): the decision itself, that its contact writes in
 * this conversation (for the contact's open tickets), that it waits to be published (unless settled), the
 * text kept for same-problem matching, the conversation's language when it sets it, and the
 * hold (taking the conversation off the queue) or the queue entry. Data-modifying CTEs all run, each
 * over the decisions it applies to; a decision already stored (a redelivery) writes nothing.
 */
@ApplicationScoped
public class DecisionStore {

    /**
     * What storing a decision also writes.
     *
     * @param report     the normalised text kept as a same-problem candidate, or null
     * @param receivedAt when the message was received (the candidate's time)
     * @param work       the work held by the decision's agent, or queued when it has none; null for neither
     * @param language   the language the message sets for its conversation (its first with one); else null
     */
    public record Writes(String report, Instant receivedAt, WorkItem work, String language) {
        public static final Writes NONE = new Writes(null, null, null, null);
    }

    /**
     * One decision to store.
     *
     * @param contactId the contact the decision is about; null for none
     * @param agentId   the agent the decision assigns to, null when it assigns nobody
     * @param settled   nothing to publish (a dropped message): stored as already published
     */
    public record Row(UUID messageId, String channel, String conversationKey, UUID contactId, String agentId,
                      Instant decidedAt, String eventJson, boolean settled, Writes writes) {
    }

    private static final String STORE_ALL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], "
            + "$4::text[], $5::timestamptz[], $6::text[], $7::boolean[], $8::uuid[], $9::timestamptz[], $10::text[], "
            + "$11::text[], $12::int[], $13::text[]) AS i(message_id, channel, conversation_key, agent_id, decided_at, event, "
            + "settled, contact_id, received_at, report, work, priority_rank, language)), "
            + "routed AS (INSERT INTO routing.routed_message "
            + "(message_id, channel, conversation_key, agent_id, decided_at, event) "
            + "SELECT message_id, channel, conversation_key, agent_id, decided_at, event::json FROM input "
            + "ON CONFLICT (message_id) DO NOTHING RETURNING message_id), "
            + "stored AS (SELECT input.* FROM input JOIN routed USING (message_id)), "
            + "pending AS (INSERT INTO routing.unpublished_decision (message_id, decided_at) "
            + "SELECT message_id, decided_at FROM stored WHERE NOT settled), "
            + "known AS (INSERT INTO routing.contact_conversation (contact_id, conversation_key, first_seen) "
            + "SELECT contact_id, conversation_key, decided_at FROM stored WHERE contact_id IS NOT NULL "
            + "ON CONFLICT DO NOTHING), "
            + "reported AS (INSERT INTO routing.recent_message "
            + "(message_id, contact_id, channel, conversation_key, received_at, normalised_text) "
            + "SELECT message_id, contact_id, channel, conversation_key, received_at, report FROM stored "
            + "WHERE report IS NOT NULL ON CONFLICT (message_id) DO NOTHING), "
            + "spoken AS (INSERT INTO routing.conversation_language (conversation_key, language, message_id, set_at) "
            + "SELECT conversation_key, language, message_id, decided_at FROM stored WHERE language IS NOT NULL "
            + "ON CONFLICT (conversation_key) DO NOTHING), "
            + "dequeued AS (DELETE FROM routing.queued_work q USING stored s WHERE q.conversation_key = s.conversation_key "
            + "AND s.agent_id IS NOT NULL AND s.work IS NOT NULL), "
            + "held AS (INSERT INTO routing.conversation_assignment "
            + "(conversation_key, agent_id, channel, assigned_at, work) "
            + "SELECT conversation_key, agent_id, channel, decided_at, work::jsonb FROM stored "
            + "WHERE agent_id IS NOT NULL AND work IS NOT NULL "
            + AssignmentRepository.HOLD_ON_CONFLICT + "), "
            + "queued AS (INSERT INTO routing.queued_work "
            + "(conversation_key, message_id, channel, priority_rank, work, queued_at) "
            + "SELECT conversation_key, message_id, channel, priority_rank, work::jsonb, decided_at FROM stored "
            + "WHERE agent_id IS NULL AND work IS NOT NULL ON CONFLICT (conversation_key) DO NOTHING) "
            + "SELECT message_id FROM routed";

    /**
     * Stores decisions of different conversations (a conversation's hold can change once per statement).
     *
     * @return the messages whose decision was stored now; the others were recorded before and wrote nothing
     */
    public Uni<Set<UUID>> storeAll(SqlConnection c, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = rows.size();
        UUID[] messageIds = new UUID[n];
        String[] channels = new String[n];
        String[] conversations = new String[n];
        String[] agents = new String[n];
        OffsetDateTime[] decidedAt = new OffsetDateTime[n];
        String[] events = new String[n];
        Boolean[] settled = new Boolean[n];
        UUID[] contacts = new UUID[n];
        OffsetDateTime[] receivedAt = new OffsetDateTime[n];
        String[] reports = new String[n];
        String[] work = new String[n];
        Integer[] priorityRanks = new Integer[n];
        String[] languages = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            WorkItem item = row.writes().work();
            messageIds[i] = row.messageId();
            channels[i] = row.channel();
            conversations[i] = row.conversationKey();
            agents[i] = row.agentId();
            decidedAt[i] = utc(row.decidedAt());
            events[i] = row.eventJson();
            settled[i] = row.settled();
            contacts[i] = row.contactId();
            receivedAt[i] = row.writes().receivedAt() == null ? null : utc(row.writes().receivedAt());
            reports[i] = row.writes().report();
            work[i] = item == null ? null : new String(Json.write(item), StandardCharsets.UTF_8);
            priorityRanks[i] = item == null ? null : item.priority().ordinal();
            languages[i] = row.writes().language();
        }
        return c.preparedQuery(STORE_ALL)
                .execute(Tuple.tuple()
                        .addArrayOfUUID(messageIds)
                        .addArrayOfString(channels)
                        .addArrayOfString(conversations)
                        .addArrayOfString(agents)
                        .addArrayOfOffsetDateTime(decidedAt)
                        .addArrayOfString(events)
                        .addArrayOfBoolean(settled)
                        .addArrayOfUUID(contacts)
                        .addArrayOfOffsetDateTime(receivedAt)
                        .addArrayOfString(reports)
                        .addArrayOfString(work)
                        .addArrayOfInteger(priorityRanks)
                        .addArrayOfString(languages))
                .map(stored -> {
                    Set<UUID> ids = new HashSet<>();
                    stored.forEach(row -> ids.add(row.getUUID("message_id")));
                    return ids;
                });
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

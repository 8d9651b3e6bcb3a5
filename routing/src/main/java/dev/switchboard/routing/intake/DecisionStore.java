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
import java.util.UUID;

/**
 * Stores a decision and everything it changes in one statement (one round trip per message instead
 * of four): the decision itself, that its contact writes in this conversation (for the contact's
 * open tickets), the text kept for same-problem matching, and the hold (taking the conversation off
 * the queue) or the queue entry. Data-modifying CTEs all run, each guarded by whether it applies.
 */
@ApplicationScoped
public class DecisionStore {

    /**
     * What storing a decision also writes.
     *
     * @param report     the normalised text kept as a same-problem candidate, or null
     * @param receivedAt when the message was received (the candidate's time)
     * @param work       the work held by the decision's agent, or queued when it has none; null for neither
     */
    public record Writes(String report, Instant receivedAt, WorkItem work) {
        public static final Writes NONE = new Writes(null, null, null);
    }

    /**
     * @param contactId the contact the decision is about; null for none
     * @param agentId   the agent the decision assigns to, null when it assigns nobody
     * @param settled   nothing to publish (a dropped message): stored as already published
     * @return false when the message was already recorded (a redelivery): then nothing is written
     */
    public Uni<Boolean> store(SqlConnection c, UUID messageId, String channel, String conversationKey, UUID contactId,
                              String agentId, Instant decidedAt, String eventJson, boolean settled, Writes writes) {
        WorkItem work = writes.work();
        return c.preparedQuery("WITH routed AS (INSERT INTO routing.routed_message "
                        + "(message_id, channel, conversation_key, agent_id, decided_at, event, published_at) "
                        + "VALUES ($1, $2, $3, $4, $5::timestamptz, $6::text::jsonb, "
                        + "CASE WHEN $7::boolean THEN $5::timestamptz END) "
                        + "ON CONFLICT (message_id) DO NOTHING RETURNING 1), "
                        + "known AS (INSERT INTO routing.contact_conversation (contact_id, conversation_key, first_seen) "
                        + "SELECT $8::uuid, $3, $5::timestamptz WHERE $8::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM routed) "
                        + "ON CONFLICT DO NOTHING), "
                        + "reported AS (INSERT INTO routing.recent_message "
                        + "(message_id, contact_id, channel, conversation_key, received_at, normalised_text) "
                        + "SELECT $1, $8::uuid, $2, $3, $9::timestamptz, $10::text "
                        + "WHERE $10::text IS NOT NULL AND EXISTS (SELECT 1 FROM routed) ON CONFLICT (message_id) DO NOTHING), "
                        + "dequeued AS (DELETE FROM routing.queued_work WHERE conversation_key = $3 "
                        + "AND $4::text IS NOT NULL AND $11::text IS NOT NULL AND EXISTS (SELECT 1 FROM routed)), "
                        + "held AS (INSERT INTO routing.conversation_assignment "
                        + "(conversation_key, agent_id, channel, assigned_at, work) "
                        + "SELECT $3, $4::text, $2, $5::timestamptz, $11::text::jsonb "
                        + "WHERE $4::text IS NOT NULL AND $11::text IS NOT NULL AND EXISTS (SELECT 1 FROM routed) "
                        + AssignmentRepository.HOLD_ON_CONFLICT + "), "
                        + "queued AS (INSERT INTO routing.queued_work "
                        + "(conversation_key, message_id, channel, priority_rank, work, queued_at) "
                        + "SELECT $3, $1, $2, $12::int, $11::text::jsonb, $5::timestamptz "
                        + "WHERE $4::text IS NULL AND $11::text IS NOT NULL AND EXISTS (SELECT 1 FROM routed) "
                        + "ON CONFLICT (conversation_key) DO NOTHING) "
                        + "SELECT count(*) AS n FROM routed")
                .execute(Tuple.tuple()
                        .addUUID(messageId)
                        .addString(channel)
                        .addString(conversationKey)
                        .addString(agentId)
                        .addOffsetDateTime(utc(decidedAt))
                        .addString(eventJson)
                        .addBoolean(settled)
                        .addUUID(contactId)
                        .addOffsetDateTime(writes.receivedAt() == null ? null : utc(writes.receivedAt()))
                        .addString(writes.report())
                        .addString(work == null ? null : new String(Json.write(work), StandardCharsets.UTF_8))
                        .addInteger(work == null ? null : work.priority().ordinal()))
                .map(rows -> rows.iterator().next().getLong("n") == 1);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

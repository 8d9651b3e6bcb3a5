package dev.switchboard.routing.contact.store;

import dev.switchboard.contract.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** routing.contact_merge: the audit trail of merges, and what an undo needs. */
@ApplicationScoped
public class MergeRepository {

    public Uni<MergeRecord> insert(SqlConnection c, MergeRecord merge) {
        return c.preparedQuery("INSERT INTO routing.contact_merge "
                        + "(merge_id, survivor_id, absorbed_id, merged_at, merged_by, reason, evidence, before) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple()
                        .addUUID(merge.mergeId())
                        .addUUID(merge.survivorId())
                        .addUUID(merge.absorbedId())
                        .addOffsetDateTime(utc(merge.mergedAt()))
                        .addString(merge.mergedBy())
                        .addString(merge.reason())
                        .addArrayOfString(merge.evidence().toArray(String[]::new))
                        .addValue(new JsonObject(new String(Json.write(merge.before()), StandardCharsets.UTF_8))))
                .replaceWith(merge);
    }

    /** Locks the row, so that two undos of one merge cannot both pass. */
    public Uni<Optional<MergeRecord>> findForUpdate(SqlConnection c, UUID mergeId) {
        return c.preparedQuery("SELECT merge_id, survivor_id, absorbed_id, merged_at, merged_by, reason, evidence, "
                        + "before::text AS before, undone_at, undone_by FROM routing.contact_merge WHERE merge_id = $1 FOR UPDATE")
                .execute(Tuple.of(mergeId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(toRecord(rows.iterator().next())) : Optional.empty());
    }

    public Uni<MergeRecord> markUndone(SqlConnection c, MergeRecord merge, String by, Instant at) {
        return c.preparedQuery("UPDATE routing.contact_merge SET undone_at = $2, undone_by = $3 WHERE merge_id = $1")
                .execute(Tuple.of(merge.mergeId(), utc(at), by))
                .replaceWith(new MergeRecord(merge.mergeId(), merge.survivorId(), merge.absorbedId(), merge.mergedAt(),
                        merge.mergedBy(), merge.reason(), merge.evidence(), merge.before(), at, by));
    }

    private static MergeRecord toRecord(Row r) {
        OffsetDateTime undone = r.getOffsetDateTime("undone_at");
        return new MergeRecord(r.getUUID("merge_id"), r.getUUID("survivor_id"), r.getUUID("absorbed_id"),
                r.getOffsetDateTime("merged_at").toInstant(), r.getString("merged_by"), r.getString("reason"),
                Arrays.asList(r.getArrayOfStrings("evidence")),
                Json.read(r.getString("before").getBytes(StandardCharsets.UTF_8), MergeRecord.Before.class),
                undone == null ? null : undone.toInstant(), r.getString("undone_by"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

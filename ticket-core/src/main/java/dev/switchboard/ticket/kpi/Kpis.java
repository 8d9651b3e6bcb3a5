package dev.switchboard.ticket.kpi;

import dev.switchboard.contract.Channel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import dev.switchboard.ticket.auth.TeamScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs the KPI statement on the reactive pool: PostgreSQL aggregates, Java only maps rows. */
@ApplicationScoped
public class Kpis {
    private final Pool pool;

    public Kpis(Pool pool) {
        this.pool = pool;
    }

    /** Over the tickets the scope covers: an agent's or supervisor's teams, or all for an admin. */
    public Uni<List<KpiRow>> rows(Instant from, Instant to, KpiQuery.By by, KpiQuery.Interval interval, TeamScope scope) {
        return pool.preparedQuery(KpiQuery.sql(by, interval))
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), scope.everyTeam(),
                        scope.teams().toArray(String[]::new), scope.teamless()))
                .map(rows -> {
                    List<KpiRow> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(toRow(row, by));
                    }
                    // A period without tickets still has KPIs: zero volume, nothing to average.
                    if (result.isEmpty() && by == KpiQuery.By.NONE && interval == KpiQuery.Interval.NONE) {
                        result.add(new KpiRow("all", from, 0, null, null, null, null, null, null, null, 0, 0, 0,
                                null, null, null));
                    }
                    return result;
                });
    }

    private static KpiRow toRow(Row r, KpiQuery.By by) {
        String group = r.getString("grp");
        if (by == KpiQuery.By.CHANNEL && group != null) {
            group = Channel.valueOf(group).id();
        }
        return new KpiRow(group, r.getOffsetDateTime("period_start").toInstant(),
                r.getLong("volume"),
                r.getDouble("frt_avg"), r.getDouble("frt_median"),
                r.getDouble("handling_avg"),
                r.getDouble("resolution_avg"), r.getDouble("resolution_median"),
                r.getDouble("fcr_rate"),
                r.getDouble("csat_avg"), r.getLong("csat_count"),
                r.getLong("backlog"), r.getLong("over_sla"),
                r.getDouble("sla_compliance"), r.getDouble("reopen_rate"), r.getDouble("chat_abandon_rate"));
    }
}

package dev.switchboard.ticket.kpi;

import java.util.Locale;

/**
 * The KPI statement, one set-based query over the tickets created in a period. Only the grouping
 * and bucketing expressions vary, chosen from fixed lists (never from request text).
 */
final class KpiQuery {
    /** Open work: the same statuses as the queue. */
    static final String OPEN = "('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'ESCALATED')";

    /**
     * A ticket missed its SLA when the watch job marked a breach, or a clock stopped (or still runs)
     * past its due time. A paused clock counts as stopped at the pause, as in the ticket's SLA view.
     */
    static final String BREACHED = """
            coalesce(tk.first_response_breached_at is not null
                  or tk.resolution_breached_at is not null
                  or coalesce(tk.first_response_at, tk.sla_paused_at, now()) > tk.first_response_due_at
                  or coalesce(tk.solved_at, tk.closed_at, tk.sla_paused_at, now()) > tk.resolution_due_at, false)""";

    enum By {
        NONE("'all'"), CHANNEL("tk.channel"), TEAM("tk.team"), AGENT("tk.assignee"), PRODUCT("tk.product");

        final String column;

        By(String column) {
            this.column = column;
        }

        static By parse(String by) {
            return by == null || by.isBlank() ? NONE : valueOf(by.strip().toUpperCase(Locale.ROOT));
        }
    }

    enum Interval {
        // $1 is the period's start: without an interval, one bucket per group.
        NONE("$1::timestamptz"), DAY("date_trunc('day', tk.created_at, 'UTC')"),
        WEEK("date_trunc('week', tk.created_at, 'UTC')");

        final String bucket;

        Interval(String bucket) {
            this.bucket = bucket;
        }

        static Interval parse(String interval) {
            return interval == null || interval.isBlank() ? NONE : valueOf(interval.strip().toUpperCase(Locale.ROOT));
        }
    }

    private KpiQuery() {
    }

    /**
     * Parameters: $1 from (inclusive), $2 to (exclusive), then the caller's team scope: $3 every team,
     * $4 the teams, $5 tickets without a team. Merged duplicates are left out; automatic notices are
     * no replies.
     */
    static String sql(By by, Interval interval) {
        return """
                with t as (
                    select tk.status, tk.channel, tk.created_at, tk.first_response_at, tk.solved_at,
                           tk.first_assigned_at, tk.reopen_count,
                           %s as grp,
                           %s as period_start,
                           (select count(*) from ticket.message m
                             where m.ticket_id = tk.id and m.direction = 'OUTBOUND' and not m.automatic) as replies,
                           (select sum(a.rating) from ticket.csat a where a.ticket_id = tk.id) as csat_sum,
                           (select count(*) from ticket.csat a where a.ticket_id = tk.id) as csat_n,
                           %s as breached
                      from ticket.ticket tk
                     where tk.created_at >= $1 and tk.created_at < $2 and tk.merged_into is null
                       and ($3 or tk.team = any($4) or ($5 and tk.team is null))
                )
                select grp, period_start,
                       count(*) as volume,
                       avg(extract(epoch from first_response_at - created_at))::float8 as frt_avg,
                       percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at))::float8 as frt_median,
                       avg(extract(epoch from solved_at - coalesce(first_assigned_at, created_at)))::float8 as handling_avg,
                       avg(extract(epoch from solved_at - created_at))::float8 as resolution_avg,
                       percentile_cont(0.5) within group (order by extract(epoch from solved_at - created_at))::float8 as resolution_median,
                       (count(*) filter (where solved_at is not null and reopen_count = 0 and replies = 1))::float8
                           / nullif(count(*) filter (where solved_at is not null), 0) as fcr_rate,
                       sum(csat_sum)::float8 / nullif(sum(csat_n), 0) as csat_avg,
                       coalesce(sum(csat_n), 0)::bigint as csat_count,
                       count(*) filter (where status in %s) as backlog,
                       count(*) filter (where status in %s and breached) as over_sla,
                       1 - (count(*) filter (where breached))::float8 / count(*) as sla_compliance,
                       (count(*) filter (where reopen_count > 0))::float8
                           / nullif(count(*) filter (where solved_at is not null or reopen_count > 0), 0) as reopen_rate,
                       (count(*) filter (where channel = 'CHAT' and status in ('SOLVED', 'CLOSED') and first_response_at is null))::float8
                           / nullif(count(*) filter (where channel = 'CHAT'), 0) as chat_abandon_rate
                  from t
                 group by grp, period_start
                 order by grp nulls last, period_start
                """.formatted(by.column, interval.bucket, BREACHED, OPEN, OPEN);
    }

    /** The live gauges: open tickets and open tickets past an SLA due time, per channel and team. */
    static String backlog() {
        return """
                select tk.channel, coalesce(tk.team, 'none') as team,
                       count(*) as backlog,
                       count(*) filter (where %s) as over_sla
                  from ticket.ticket tk
                 where tk.status in %s
                 group by 1, 2
                """.formatted(BREACHED, OPEN);
    }
}

package dev.switchboard.bench.queue;

import dev.switchboard.devkit.infra.Endpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Fills ticket-core's {@code ticket.ticket} with a year of history in one set-based statement
 * ({@code generate_series}), the way a busy help desk's table looks: mostly solved and closed,
 * an open backlog that is mostly recent, a few critical tickets, several teams, 100 agents, SLA
 * due times and the watch job's marks on the clocks already past due (so the running watch finds
 * a steady state, not a year of unannounced breaches). Seeded: the same seed gives the same rows.
 * The queue reads only this table (count and preview live on the row), so no messages are written.
 */
final class TicketFill {
    /** tier1 (the demo agents' team) is the largest; the others share the rest evenly. */
    static final List<String> TEAMS = List.of("tier1", "tier2", "billing", "hardware", "software", "network",
            "accounts", "enterprise");
    static final int TIER1_AGENTS = 30;
    static final int AGENTS_PER_OTHER_TEAM = 10;

    private final Endpoints db;

    TicketFill(Endpoints db) {
        this.db = db;
    }

    /** Agent ids as the fill assigns them: tier1 has agent0..agent29, team t (1..7) the next ten each. */
    static String agent(int team, int index) {
        return "agent" + (team == 0 ? index : TIER1_AGENTS + (team - 1) * AGENTS_PER_OTHER_TEAM + index);
    }

    /** Inserts {@code count} tickets, moves the number sequence past them, then VACUUM ANALYZE. */
    void fill(int count, long seed) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.dbUser(), db.dbPassword())) {
            try (Statement s = c.createStatement()) {
                // One backend, serial plan: setseed makes every random() below repeat run after run.
                s.execute("set max_parallel_workers_per_gather = 0");
                s.execute("set work_mem = '256MB'");
                s.execute("set maintenance_work_mem = '256MB'");
            }
            try (PreparedStatement seedIt = c.prepareStatement("select setseed(?)")) {
                // setseed takes -1..1; any long maps onto it deterministically.
                seedIt.setDouble(1, (seed % 1_000_003) / 1_000_003.0);
                seedIt.executeQuery().close();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, count);
                insert.setInt(2, count);
                insert.setString(3, String.valueOf(seed));
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("select setval('ticket.ticket_number_seq', (select max(number) from ticket.ticket))");
                // What autovacuum would have done to a table this old: statistics, visibility map, hint bits.
                s.execute("vacuum (analyze) ticket.ticket");
            }
        }
    }

    /** Open tickets per status, for the printed summary. */
    String summary() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.dbUser(), db.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, count(*) from ticket.ticket group by status order by 2 desc")) {
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : ", ").append(rs.getString(1).toLowerCase()).append(' ')
                        .append(String.format("%,d", rs.getLong(2)));
            }
        }
        return out.toString();
    }

    // Stage r: the random draws (materialised once, so each is read consistently below).
    // Stage b: what a ticket is (age, open or not, priority, channel, team, agent, customer).
    // Stage c: its timestamps and SLA clocks; the final select adds the derived columns.
    // Targets are the business-hour defaults stretched to wall-clock time (nights and weekends).
    private static final String INSERT = """
            insert into ticket.ticket (id, number, subject, status, priority, priority_rank, channel, inbox,
                conversation_key, assignee, team, routing_queue, contact_id, contact_name, contact_identity,
                message_count, last_message_preview, created_at, updated_at, version, event_seq, tier, reopen_count,
                recipient, contact_email, contact_phone, plan, language,
                first_response_at, solved_at, closed_at, first_response_due_at, resolution_due_at, sla_due_at,
                sla_paused_at, sla_paused_seconds,
                first_response_warned_at, resolution_warned_at, first_response_breached_at, resolution_breached_at,
                next_response_cycle, next_response_started_at, next_response_due_at, next_response_stopped_at,
                next_response_warned_at, next_response_warned_cycle, next_response_breached_at,
                next_response_breached_cycle)
            with r as materialized (
                select g, random() ra, random() ro, random() rs, random() rp, random() rc, random() rt, random() rg,
                       random() rx, random() ry, random() rz, random() rw
                from generate_series(1, ?) g
            ), b as (
                select g, rs, rx, ry, rz, rw,
                       now() - make_interval(secs => ra * 365 * 86400) as created_at,
                       ro < case when ra * 365 < 2 then 0.8 when ra * 365 < 14 then 0.3
                                 when ra * 365 < 60 then 0.02 else 0.001 end as open,
                       ra * 365 as age_days,
                       case when rp < 0.03 then 0 when rp < 0.20 then 1 when rp < 0.70 then 2 else 3 end as prio,
                       case when rc < 0.35 then 'EMAIL' when rc < 0.60 then 'WHATSAPP' when rc < 0.80 then 'CHAT'
                            when rc < 0.88 then 'MESSENGER' when rc < 0.94 then 'INSTAGRAM'
                            when rc < 0.97 then 'TELEGRAM' else 'X' end as channel,
                       case when rt < 0.3 then 0 else least(7, 1 + floor((rt - 0.3) / 0.7 * 7)::int) end as team_no,
                       rg,
                       floor(rx * greatest(1, ? / 4))::bigint as customer
                from r
            ), s as (
                select b.*,
                       case when open then case when rs < 0.20 then 'NEW' when rs < 0.60 then 'OPEN'
                                                when rs < 0.85 then 'PENDING' when rs < 0.95 then 'ON_HOLD'
                                                else 'ESCALATED' end
                            when age_days < 4 then 'SOLVED' else 'CLOSED' end as status,
                       (array[1, 4, 24, 72])[prio + 1] * interval '1 hour' as first_target,
                       (array[8, 48, 168, 336])[prio + 1] * interval '1 hour' as resolution_target,
                       (array[2, 8, 48, 96])[prio + 1] * interval '1 hour' as next_target
                from b
            ), c as (
                select s.*,
                       case when status = 'NEW' then null
                            else least(now(), created_at + first_target * (0.1 + ry * 1.3)) end as first_response_at,
                       case when status in ('SOLVED', 'CLOSED')
                            then least(now(), created_at + resolution_target * (0.2 + rz)) end as solved_at,
                       case when status = 'CLOSED'
                            then least(now(), created_at + resolution_target * (0.2 + rz) + interval '4 days') end as closed_at,
                       created_at + first_target as first_due,
                       created_at + resolution_target as resolution_due,
                       status = 'OPEN' and rw < 0.5 as next_running,
                       -- A queued ticket waits for a team: 10 % of the new ones have none yet.
                       case when status = 'NEW' and rw < 0.1 then null else team_no end as team_of
                from s
            ), d as (
                select c.*,
                       case when next_running then least(now(), first_response_at + (now() - first_response_at) * rz)
                       end as next_started
                from c
            ), e as (
                select d.*, next_started + next_target as next_due,
                       case when status = 'PENDING' then least(now(), greatest(coalesce(first_response_at, created_at),
                            now() - interval '2 days' * rw)) end as paused_at
                from d
            )
            select md5(? || ':' || g)::uuid,
                   999 + g,
                   (array['Router keeps dropping the connection', 'Invoice shows the wrong amount',
                          'Cannot log in after the update', 'App crashes on start', 'Refund not received',
                          'Printer offline since yesterday', 'Password reset mail never arrives',
                          'Wifi slow in the evening', 'Licence key not accepted', 'Backup fails every night'])
                       [1 + (g % 10)],
                   status,
                   (array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])[prio + 1],
                   prio,
                   channel,
                   case channel when 'EMAIL' then 'support@example.com' else '106540352242922' end,
                   lower(channel) || ':' || customer || ':' || g,
                   -- 30 % of new tickets wait unassigned; everything else has an agent of its team.
                   case when team_of is null or (status = 'NEW' and rw < 0.3) then null
                        when team_no = 0 then 'agent' || floor(rg * 30)::int
                        else 'agent' || (30 + (team_no - 1) * 10 + floor(rg * 10)::int) end,
                   (array['tier1', 'tier2', 'billing', 'hardware', 'software', 'network', 'accounts', 'enterprise'])
                       [team_of + 1],
                   case when team_of is null then 'general' end,
                   md5('contact:' || customer)::uuid,
                   'Customer ' || customer,
                   case when channel = 'EMAIL' then 'customer' || customer || '@example.net'
                        else (32470000000 + customer)::text end,
                   1 + floor(rz * 8)::int,
                   'Hello, since this morning I have a problem with ' || (array['my router', 'my invoice',
                       'the app', 'my account', 'the printer'])[1 + (g % 5)],
                   created_at,
                   coalesce(closed_at, solved_at, next_started, paused_at, first_response_at, created_at),
                   floor(rz * 6)::int,
                   1 + floor(rz * 6)::int,
                   case when status = 'ESCALATED' then 2 + (g % 2) else 1 end,
                   case when rx < 0.02 then 1 else 0 end,
                   case when channel = 'EMAIL' then 'customer' || customer || '@example.net'
                        else (32470000000 + customer)::text end,
                   case when channel = 'EMAIL' or rx < 0.3 then 'customer' || customer || '@example.net' end,
                   case when channel <> 'EMAIL' then '+' || (32470000000 + customer)::text end,
                   case when rx < 0.1 then 'enterprise' when rx < 0.3 then 'premium' end,
                   (array['en', 'fr', 'nl', 'de'])[1 + (customer % 4)::int],
                   first_response_at, solved_at, closed_at, first_due, resolution_due,
                   case when status in ('SOLVED', 'CLOSED') then null
                        else least(case when first_response_at is null then first_due end, resolution_due,
                                   case when next_running then next_due end) end,
                   paused_at,
                   0,
                   case when first_due - interval '15 minutes' < coalesce(first_response_at, now())
                        then greatest(created_at, first_due - interval '15 minutes') end,
                   case when resolution_due - interval '15 minutes' < coalesce(solved_at, closed_at, now())
                        then greatest(created_at, resolution_due - interval '15 minutes') end,
                   case when first_due < coalesce(first_response_at, now()) then first_due end,
                   case when resolution_due < coalesce(solved_at, closed_at, now()) then resolution_due end,
                   case when next_running then 1 else 0 end,
                   next_started,
                   next_due,
                   null,
                   case when next_running and next_due - interval '15 minutes' < now()
                        then greatest(next_started, next_due - interval '15 minutes') end,
                   case when next_running and next_due - interval '15 minutes' < now() then 1 else 0 end,
                   case when next_running and next_due < now() then next_due end,
                   case when next_running and next_due < now() then 1 else 0 end
            from e
            """;
}

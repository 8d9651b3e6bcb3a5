package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.auth.TeamScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of one queue page, shaped for the partial indexes of V8 (open tickets only, in queue
 * order): each of the caller's teams is its own ordered branch that stops after {@code limit}
 * rows, and the branches are merged, so a page costs about {@code limit} index entries per team
 * however many tickets the table holds. Statuses, priority, channel and the limit are inlined as
 * literals (they come from enums and a bounded int): the planner can then prove the partial
 * indexes' predicate even in a cached generic plan, which a bound parameter would not allow.
 * Team and assignee, which callers choose freely, stay bound parameters.
 *
 * @param sql        native SQL returning {@code ticket.ticket} rows; null when the caller sees no team
 * @param parameters named parameters of {@code sql}
 */
record QueueQuery(String sql, Map<String, Object> parameters) {
    /** The queue's order; V8's indexes end in exactly these columns. */
    static final String ORDER = "priority_rank, sla_due_at nulls last, created_at, number";

    static QueueQuery of(TeamScope scope, Set<TicketStatus> statuses, Channel channel, Priority priority,
                         String assignee, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder filter = new StringBuilder("status in (")
                .append(statuses.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", ")))
                .append(')');
        if (channel != null) {
            filter.append(" and channel = '").append(channel.name()).append('\'');
        }
        if (priority != null) {
            filter.append(" and priority_rank = ").append(priority.ordinal());
        }
        if (assignee != null) {
            filter.append(" and assignee = :assignee");
            parameters.put("assignee", assignee);
        }
        List<String> teamFilters = new ArrayList<>();
        if (scope.everyTeam()) {
            teamFilters.add("");
        } else {
            int i = 0;
            for (String team : scope.teams().stream().sorted().toList()) {
                teamFilters.add(" and team = :team" + i);
                parameters.put("team" + i++, team);
            }
            if (scope.teamless()) {
                teamFilters.add(" and team is null");
            }
        }
        if (teamFilters.isEmpty()) {
            return new QueueQuery(null, Map.of());
        }
        List<String> branches = teamFilters.stream()
                .map(team -> "select * from ticket.ticket where " + filter + team + " order by " + ORDER + " limit " + limit)
                .toList();
        String sql = branches.size() == 1 ? branches.get(0)
                : "select * from (" + branches.stream().map(b -> "(" + b + ")").collect(Collectors.joining(" union all "))
                        + ") page order by " + ORDER + " limit " + limit;
        return new QueueQuery(sql, parameters);
    }
}

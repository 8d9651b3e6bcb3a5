package dev.switchboard.ticket.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.auth.TeamScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueQueryTest {

    @Test
    void theOpenStatusesAreWrittenExactlyAsTheQueueIndexesExpectThem() throws IOException {
        QueueQuery page = QueueQuery.of(new TeamScope(false, Set.of("tier1"), false), TicketStatus.OPEN_STATUSES,
                null, null, null, 50);

        String predicate = "status in ('ESCALATED', 'NEW', 'ON_HOLD', 'OPEN', 'PENDING')";
        assertThat(page.sql()).contains(predicate);
        // A new open status must reach the partial indexes too, or the queue falls back to scanning the table.
        assertThat(migration("V8__queue_indexes.sql")).contains("where " + predicate);
    }

    @Test
    void anAgentOfOneTeamReadsOneOrderedRangeOfThatTeam() {
        QueueQuery page = QueueQuery.of(new TeamScope(false, Set.of("tier1"), false), TicketStatus.OPEN_STATUSES,
                Channel.WHATSAPP, Priority.HIGH, "alice", 50);

        assertThat(page.sql()).doesNotContain("union")
                .contains("channel = 'WHATSAPP'", "priority_rank = 1", "assignee = :assignee", "team = :team0",
                        "order by " + QueueQuery.ORDER + " limit 50");
        assertThat(page.parameters()).containsEntry("team0", "tier1").containsEntry("assignee", "alice");
    }

    @Test
    void aSupervisorGetsOneBranchPerTeamAndOneForTicketsWithoutATeam() {
        QueueQuery page = QueueQuery.of(new TeamScope(false, Set.of("tier1", "tier2"), true),
                EnumSet.of(TicketStatus.NEW), null, null, null, 20);

        assertThat(page.sql()).contains("status in ('NEW')", "team = :team0", "team = :team1", "team is null")
                .containsSubsequence("union all", "union all", ") page order by " + QueueQuery.ORDER + " limit 20");
        assertThat(page.parameters()).containsOnlyKeys("team0", "team1");
    }

    @Test
    void anAdminReadsEveryTeamWithoutATeamFilter() {
        QueueQuery page = QueueQuery.of(TeamScope.everything(), TicketStatus.OPEN_STATUSES, null, null, null, 50);

        assertThat(page.sql()).doesNotContain("team").doesNotContain("union");
        assertThat(page.parameters()).isEmpty();
    }

    @Test
    void aCallerWithoutTeamsGetsNoQueryAtAll() {
        QueueQuery page = QueueQuery.of(new TeamScope(false, Set.of(), false), TicketStatus.OPEN_STATUSES,
                null, null, null, 50);

        assertThat(page.sql()).isNull();
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = QueueQueryTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

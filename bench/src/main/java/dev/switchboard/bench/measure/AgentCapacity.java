package dev.switchboard.bench.measure;

import dev.switchboard.devkit.infra.Endpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 4's "no agent is ever over capacity", read from routing's tables at the end of a run: the
 * conversations each agent holds per channel against the capacity stored with the agent. Nobody moves
 * tickets by hand during a run, so any excess is routing's.
 */
public final class AgentCapacity {
    private AgentCapacity() {
    }

    /** @return "agent on channel: held of capacity" for every agent over capacity; empty when none is */
    public static List<String> overbooked(Endpoints db) {
        String sql = "SELECT a.agent_id, a.channel, count(*) AS held, "
                + "coalesce((g.doc->'capacity'->>a.channel)::int, 0) AS capacity "
                + "FROM routing.conversation_assignment a JOIN routing.agent g ON g.id = a.agent_id "
                + "GROUP BY a.agent_id, a.channel, g.id "
                + "HAVING count(*) > coalesce((g.doc->'capacity'->>a.channel)::int, 0) ORDER BY 1, 2";
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.dbUser(), db.dbPassword());
             PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            List<String> over = new ArrayList<>();
            while (rs.next()) {
                over.add(rs.getString(1) + " on " + rs.getString(2) + ": " + rs.getLong(3) + " of " + rs.getInt(4));
            }
            return over;
        } catch (SQLException e) {
            throw new IllegalStateException("reading agents' load failed: " + e.getMessage(), e);
        }
    }
}

package dev.switchboard.bench.routing;

import dev.switchboard.devkit.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which statements took PostgreSQL's time during a measured run (pg_stat_statements): where a
 * decision's database cost goes. Only when the embedded server was started with the extension
 * loaded ({@link EmbeddedPostgresServer#STATEMENT_STATISTICS}); it reads as the superuser.
 */
final class StatementStatistics {
    private static final int SHOWN = 15;
    private final String jdbcUrl;

    private StatementStatistics(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts counting from now; null when the extension is not loaded. */
    static StatementStatistics resetIfLoaded(String jdbcUrl) throws SQLException {
        if (!Boolean.getBoolean(EmbeddedPostgresServer.STATEMENT_STATISTICS)) {
            return null;
        }
        StatementStatistics statistics = new StatementStatistics(jdbcUrl);
        try (Connection c = statistics.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
        return statistics;
    }

    void print(int decisions) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, rows, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 150)"
                     + " FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT " + SHOWN)) {
            System.out.printf("  PostgreSQL's costliest statements (planning + execution; parsing and commits come on top):%n");
            while (rs.next()) {
                double executing = rs.getDouble(3);
                double planning = rs.getDouble(4);
                System.out.printf("  %8.1f ms planning %8.1f ms executing %6.3f ms/decision %7d calls %8d rows  %s%n",
                        planning, executing, (planning + executing) / Math.max(1, decisions), rs.getLong(1), rs.getLong(2),
                        rs.getString(5));
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}

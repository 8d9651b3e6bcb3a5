package dev.switchboard.devkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (zonky: binaries from a Maven jar, its own OS process). Creates the
 * {@code switchboard} database and role once; each service then creates its own schema (Flyway).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "switchboard";
    public static final String USER = "switchboard";
    /** Development default, documented in the README; the embedded server trusts loopback anyway. */
    public static final String PASSWORD = "switchboard";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    /** System property: load pg_stat_statements, so that a benchmark can say which statements cost the time. */
    public static final String STATEMENT_STATISTICS = "switchboard.postgres.statements";

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir  kept between starts when {@code durable}; a fresh temporary one when null
     * @param durable  false for tests: fsync off makes them faster and losing the data is fine
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    // Its owner stops it, after the services that use it (Stack.close, Infrastructure's hook):
                    // zonky's own hook stopped it at the same moment, under services still committing.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The data sits on an SSD and mostly in memory: the default 4 (spinning disks) makes the
                    // planner scan a few-thousand-row table rather than probe its index, for every message.
                    .setServerConfig("random_page_cost", "1.1")
                    // Tables that grow fast (a benchmark, a busy first hour) get fresh statistics sooner.
                    .setServerConfig("autovacuum_naptime", "10s");
            if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
                // For profiling (the routing benchmark prints the costliest statements): off by default.
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track_planning", "on");
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (durable) {
                // zonky starts the server with -F (no fsync); the embedded default keeps real data.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), dataDir);
            server.createDatabaseOnce();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL on port " + port, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid, read from postmaster.pid in the data directory; -1 if unknown. */
    public long pid() {
        try {
            if (dataDir == null) {
                return -1;
            }
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    private void createDatabaseOnce() {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the switchboard database", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.switchboard.devkit.postgres;

import static org.awaitility.Awaitility.await;

import dev.switchboard.devkit.infra.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that owns the embedded database the way {@code Stack} does: its shutdown hook first lets the
 * services stop (here: it keeps using the database for a while, as they commit their last batch), then
 * closes the database. Writes what it saw to the file given as its argument, for
 * {@link EmbeddedPostgresShutdownTest} (at shutdown, standard output may already be closed by logging).
 */
public final class DatabaseOwner {
    private DatabaseOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path verdict = Path.of(args[0]);
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(Infrastructure.freePort(), null, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> answers(database));
                write(verdict, "the database served until its owner closed it");
            } catch (RuntimeException e) {
                write(verdict, "the database went away before its owner closed it: " + e.getMessage());
            } finally {
                database.close();
            }
        }, "owner-stop"));
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await(); // nothing counts it down: the JVM runs until SIGTERM
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(EmbeddedPostgresServer database) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD)) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}

package dev.switchboard.devkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.devkit.launcher.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code ./switchboard up}: the services stop first and may still be committing, so the
 * database must stay until its owner closes it. zonky's own shutdown hook used to stop it at once,
 * beside the owner's, and ticket-core lost it in the middle of its last batch.
 */
class EmbeddedPostgresShutdownTest {

    @Test
    void aStoppingJvmKeepsTheDatabaseUntilItsOwnerClosesIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("owner.log");
        Path verdict = dir.resolve("verdict");
        Process owner = new ProcessBuilder(ManagedProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                DatabaseOwner.class.getName(), verdict.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readAllLines(log).contains("ready") || !owner.isAlive());

            owner.destroy(); // SIGTERM, as Ctrl-C or a container stop

            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).as("the owner stopped").isTrue();
            assertThat(verdict).as(Files.readString(log)).content()
                    .isEqualTo("the database served until its owner closed it");
        } finally {
            owner.destroyForcibly();
        }
    }
}

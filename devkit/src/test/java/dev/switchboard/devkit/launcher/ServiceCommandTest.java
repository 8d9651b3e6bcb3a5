package dev.switchboard.devkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCommandTest {
    private final Path jar = Path.of("/repo/routing/target/quarkus-app/quarkus-run.jar");

    @Test
    void aServiceStartsWithASmallHeapAndTheSerialCollector() {
        List<String> command = Stack.serviceCommand(jar, null);

        assertThat(command.subList(1, command.size()))
                .containsExactly("-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString());
    }

    @Test
    void theOperatorsOptionsComeAfterTheDefaultsSoTheyWin() {
        List<String> command = Stack.serviceCommand(jar, "  -XX:TieredStopAtLevel=1   -Xmx512m ");

        assertThat(command.subList(1, command.size())).containsExactly("-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toString());
        assertThat(Stack.serviceCommand(jar, " ")).hasSize(5);
    }
}

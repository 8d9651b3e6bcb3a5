package dev.switchboard.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.measure.Tally;
import dev.switchboard.bench.report.Figures;
import dev.switchboard.bench.system.SharedStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark tool on the real system, briefly and slowly: it proves the accounting (nothing
 * lost, nothing doubled, counts that add up), not the speed; speed targets live in the report.
 */
@ExtendWith(SharedStack.class)
@Order(3) // after PipelineSystemIT and RoutingReplicasIT: the load leaves every agent at capacity
class BenchSmokeIT {

    @Test
    void aShortSmokeRunWithRetriesLosesNothingDoublesNothingAndWritesItsReport() {
        Path out = Path.of(System.getProperty("switchboard.repository", "..")).toAbsolutePath()
                .resolve("bench/target/smoke-report-" + System.currentTimeMillis());
        Scenario smoke = Scenario.smoke(25, Duration.ofSeconds(4), 42);

        Figures figures = new BenchRun(SharedStack.stack(), new PrintStream(System.out, true), false).run(smoke, out);

        assertThat(out.resolve("report.md")).isNotEmptyFile();
        assertThat(out.resolve("figures.json")).isNotEmptyFile();
        assertThat(out.resolve("latency.png")).isNotEmptyFile();
        assertThat(out.resolve("throughput.png")).isNotEmptyFile();
        Tally tally = figures.tally();
        assertThat(tally.uniqueAcked()).as("accepted messages").isPositive();
        assertThat(tally.retries()).as("the mix includes provider retries").isPositive();
        assertThat(tally.lost()).as("lost").isZero();
        assertThat(tally.doubled()).as("doubled").isZero();
        assertThat(tally.addsUp()).as("counts add up: %s", tally).isTrue();
        assertThat(tally.routed()).isEqualTo(tally.uniqueAcked());
        assertThat(tally.stored()).isEqualTo(tally.uniqueAcked());
        assertThat(figures.httpCeiling().answered()).as("webhooks the do-nothing endpoint answered").isPositive();
        assertThat(figures.httpCeiling().notAnswered()).as("webhooks it refused (a signature it cannot verify)")
                .isZero();
        assertThat(out.resolve("report.md")).content().contains("## Raw HTTP ceiling")
                .contains("webhooks/s");
        assertThat(figures.targets()).filteredOn(t -> t.target().equals("no agent over capacity"))
                .singleElement().satisfies(t -> assertThat(t.pass()).as(t.measured()).isTrue());
    }
}

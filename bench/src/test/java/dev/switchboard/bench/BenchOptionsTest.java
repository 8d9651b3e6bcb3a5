package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ./bench.sh makes of its command line: the run a user asked for, or a clear refusal before anything starts. */
class BenchOptionsTest {

    @Test
    void theStandardScenarioWarmsUpForTwoMinutesAtFullSpeedAndThreeWhenPacedUnlessTold() {
        assertThat(BenchOptions.parse(List.of()).warmup()).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.parse(List.of("--rate", "300")).warmup()).isEqualTo(Duration.ofMinutes(3));
        assertThat(BenchOptions.parse(List.of("--warmup", "90s")).warmup()).isEqualTo(Duration.ofSeconds(90));
        assertThat(BenchOptions.parse(List.of("--warmup", "0")).warmup()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aPacedRunWarmsUpAtItsOwnRateAndAFullSpeedOneAtAHundred() {
        assertThat(BenchOptions.parse(List.of("--rate", "300")).warmupScenario().ratePerSecond()).isEqualTo(300);
        assertThat(BenchOptions.parse(List.of()).warmupScenario().ratePerSecond()).isEqualTo(100);
        BenchOptions told = BenchOptions.parse(List.of("--rate", "300", "--warmup-rate", "50", "--warmup", "2m"));
        assertThat(told.warmupScenario().ratePerSecond()).isEqualTo(50);
        assertThat(told.warmupScenario().duration()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warmup-rate", "0")))
                .hasMessageContaining("--warmup-rate must be 1 or more");
    }

    @Test
    void otherScenariosStartColdUnlessAskedToWarmUp() {
        assertThat(BenchOptions.parse(List.of("--scenario", "smoke")).warmup()).isEqualTo(Duration.ZERO);
        BenchOptions faults = BenchOptions.parse(List.of("--fault", "kill-routing"));
        assertThat(faults.scenario()).isEqualTo("faults");
        assertThat(faults.warmup()).isEqualTo(Duration.ZERO);
        assertThat(BenchOptions.parse(List.of("--scenario", "smoke", "--warmup", "30s")).warmup())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theSustainedRunOfTheReadmeIsReadAsWritten() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "150", "--duration", "5m", "--seed", "42",
                "--out", "bench/target/bench-sustained-5m"));
        assertThat(options.rate()).isEqualTo(150);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.out()).hasToString("bench/target/bench-sustained-5m");
        assertThat(options.agents()).isEqualTo(500);
        assertThat(options.routingInstances()).isEqualTo(1);
    }

    @Test
    void routingRunsAsSeveralInstancesWhenAsked() {
        assertThat(BenchOptions.parse(List.of("--routing-instances", "2", "--scenario", "faults")).routingInstances())
                .isEqualTo(2);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--routing-instances", "0")))
                .hasMessageContaining("--routing-instances must be 1 or more");
    }

    @Test
    void aMistypedCommandLineIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warmpu", "60s")))
                .hasMessageContaining("unknown option --warmpu").hasMessageContaining("usage: ./bench.sh");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warmup")))
                .hasMessageContaining("--warmup needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fault", "unplug-the-office")))
                .hasMessageContaining("unknown fault unplug-the-office");
    }
}

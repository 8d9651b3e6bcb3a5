package dev.switchboard.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.measure.Tally;
import dev.switchboard.bench.report.FaultFigures;
import dev.switchboard.bench.report.Figures;
import dev.switchboard.bench.scenario.fault.KillService;
import dev.switchboard.bench.scenario.fault.Poison;
import dev.switchboard.bench.system.SharedStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crashes and bad records in the middle of the load: kill -9 of routing and of ticket-core and a
 * poison record on both pipeline topics. Nothing accepted may be lost or doubled, and the poison
 * must end on the dead-letter topics. Runs last on the shared system: it restarts two services.
 */
@ExtendWith(SharedStack.class)
@Order(4)
class FaultsIT {

    @Test
    void killingRoutingAndTicketCoreAndPoisoningBothTopicsLosesNothingAndDoublesNothing() {
        Path out = Path.of(System.getProperty("switchboard.repository", "..")).toAbsolutePath()
                .resolve("bench/target/faults-report-" + System.currentTimeMillis());
        Poison poison = new Poison();
        Scenario scenario = Scenario.faults(10, Duration.ofSeconds(15), 7,
                List.of(KillService.routing(), KillService.ticketCore(), poison));

        Figures figures = new BenchRun(SharedStack.stack(), new PrintStream(System.out, true), false).run(scenario, out);

        Tally tally = figures.tally();
        assertThat(tally.uniqueAcked()).as("accepted messages").isPositive();
        assertThat(tally.lost()).as("lost: %s", tally).isZero();
        assertThat(tally.doubled()).as("doubled: %s", tally).isZero();
        assertThat(tally.addsUp()).as("counts add up: %s", tally).isTrue();
        assertThat(poison.deadLettered()).as("both poison records on their .dlq topics").isTrue();
        assertThat(figures.faults().faults()).extracting(FaultFigures::name)
                .containsExactly("kill-routing", "kill-ticket-core", "poison");
        assertThat(figures.faults().faults()).allSatisfy(f ->
                assertThat(f.recovered()).as("%s recovered: %s", f.name(), f).isTrue());
        assertThat(out.resolve("report.md")).content().contains("## Faults");
    }
}

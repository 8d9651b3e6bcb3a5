package dev.switchboard.bench;

import dev.switchboard.bench.load.Roster;
import dev.switchboard.bench.report.Figures;
import dev.switchboard.bench.scenario.BenchRun;
import dev.switchboard.bench.scenario.Scenario;
import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.launcher.StackPorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ./bench.sh: starts the whole system on free ports with its own data folder, runs one scenario,
 * writes the report and stops everything. Exit code 0 = every target met, 1 = a target missed,
 * 2 = the run itself failed.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path repository = Path.of(System.getProperty("switchboard.repository", ".")).toAbsolutePath();
        Path home = repository.resolve("bench/target/bench-home-" + System.currentTimeMillis());
        System.out.println("Starting PostgreSQL, Kafka and the services (data and logs in " + home + ")...");
        Figures figures;
        try (Stack stack = new Stack(repository, home, StackPorts.free(), false)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close)); // Ctrl-C stops the processes too
            stack.startInfrastructure();
            stack.startServices();
            if (options.agents() > 0) {
                // A team of realistic size: with the three seeded agents nearly everything would queue.
                System.out.printf("Creating %d agents and 50 rules in routing...%n", options.agents());
                new Roster(stack.url("routing"), DevTokens.mint("admin", List.of("admin"), List.of()))
                        .create(options.agents(), 50, new Random(options.seed()));
            }
            for (int i = 2; i <= options.routingInstances(); i++) {
                System.out.printf("Starting routing-%d beside routing...%n", i);
                stack.startReplica("routing", "routing-" + i, Map.of());
            }
            BenchRun run = new BenchRun(stack, System.out, System.console() != null);
            if (!options.warmup().isZero()) {
                Path warmupReport = options.out().toAbsolutePath().resolve("warm-up");
                System.out.printf("Warm-up (not measured; report in %s)...%n", warmupReport);
                run.run(options.warmupScenario(), warmupReport);
            }
            figures = run.run(options.toScenario(), options.out().toAbsolutePath());
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(2);
            return;
        }
        figures.targets().forEach(t -> System.out.printf("  %-4s %s: %s%n", t.pass() ? "PASS" : "FAIL",
                t.target(), t.measured()));
        System.exit(figures.allTargetsMet() ? 0 : 1);
    }
}

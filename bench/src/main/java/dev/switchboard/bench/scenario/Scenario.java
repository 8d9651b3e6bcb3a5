package dev.switchboard.bench.scenario;

import dev.switchboard.bench.load.Mix;
import dev.switchboard.bench.scenario.fault.Faults;
import java.time.Duration;
import java.util.List;

/**
 * Everything that defines a run, so that two runs with the same scenario and seed send the same
 * traffic.
 *
 * @param ratePerSecond  target deliveries per second; 0 = as fast as the channel answers
 * @param concurrency    deliveries in flight at most (the provider's connection pool)
 * @param ceilingRecords records for the raw Kafka ceiling measurement; 0 = not measured
 * @param httpCeiling    how long the generator drives a do-nothing endpoint ({@code HttpCeiling}); zero = not measured
 * @param drainTimeout   how long the pipeline may make no progress after the load before the rest counts as lost
 * @param drainLimit     the longest wait after the load, progress or not (a backlog can take very long)
 * @param faults         what to break during the load (only the faults scenario has any)
 */
public record Scenario(String name, int ratePerSecond, Duration duration, long seed, int concurrency, Mix mix,
                       long ceilingRecords, Duration httpCeiling, Duration drainTimeout, Duration drainLimit,
                       List<Fault.Scheduled> faults) {

    public Scenario {
        if (ratePerSecond < 0 || concurrency < 1 || duration.isNegative() || duration.isZero()
                || httpCeiling.isNegative()) {
            throw new IllegalArgumentException("bad scenario " + name);
        }
        faults = List.copyOf(faults);
    }

    /**
     * The benchmark: the realistic mix, 64 connections, a 100k-record Kafka ceiling, a 10 s HTTP
     * ceiling. At full speed the channel accepts two to three times what the pipeline stores here, so the
     * drain may take minutes: it is cut off only after 5 (the whole command stays under ten).
     */
    public static Scenario standard(int ratePerSecond, Duration duration, long seed) {
        return new Scenario("standard", ratePerSecond, duration, seed, 64, Mix.REALISTIC, 100_000,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(300), List.of());
    }

    /**
     * Before a measured run: the standard mix at a steady rate, so that the services' JIT has
     * compiled their hot paths; its figures are reported apart and count for no target.
     */
    public static Scenario warmup(Duration duration, int ratePerSecond, long seed) {
        return new Scenario("warm-up", ratePerSecond, duration, seed, 64, Mix.REALISTIC, 0,
                Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(120), List.of());
    }

    /** The warm-up's rate before a run at full speed: one that the pipeline keeps up with. */
    public static final int WARMUP_RATE = 100;

    /** A few seconds at a low rate: proves the tool and the accounting, not the speed. */
    public static Scenario smoke(int ratePerSecond, Duration duration, long seed) {
        return new Scenario("smoke", ratePerSecond, duration, seed, 4, Mix.REALISTIC, 5_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120), List.of());
    }

    /**
     * Faults spaced evenly over the load at a modest rate (20/s when the rate is 0): it measures
     * recovery and the accounting under failure, not speed, and a backlog would blur both.
     */
    public static Scenario faults(int ratePerSecond, Duration duration, long seed, List<Fault> faults) {
        return new Scenario("faults", ratePerSecond == 0 ? FAULTS_DEFAULT_RATE : ratePerSecond, duration, seed, 8,
                Mix.REALISTIC, 0, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(120),
                Faults.spacedOver(duration, faults));
    }

    static final int FAULTS_DEFAULT_RATE = 20;

    public static Scenario named(String name, int ratePerSecond, Duration duration, long seed) {
        return named(name, ratePerSecond, duration, seed, List.of());
    }

    /** @param faultNames for the faults scenario: which faults (all of them when empty) */
    public static Scenario named(String name, int ratePerSecond, Duration duration, long seed,
                                 List<String> faultNames) {
        return switch (name) {
            case "standard" -> standard(ratePerSecond, duration, seed);
            case "smoke" -> smoke(ratePerSecond, duration, seed);
            case "faults" -> faults(ratePerSecond, duration, seed, faultNames.isEmpty() ? Faults.all()
                    : faultNames.stream().map(Faults::named).toList());
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (standard|smoke|faults)");
        };
    }
}

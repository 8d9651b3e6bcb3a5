package dev.switchboard.bench;

import dev.switchboard.bench.scenario.Scenario;
import dev.switchboard.bench.scenario.fault.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of ./bench.sh, parsed. */
record BenchOptions(int rate, Duration duration, long seed, Path out, String scenario, List<String> faults, int agents,
                    Duration warmup, int warmupRate, int routingInstances) {
    static final String USAGE = """
            usage: ./bench.sh [--rate N] [--duration 60s] [--seed 42] [--out folder] [--scenario standard|smoke|faults] [--agents 500]
                              [--warmup 3m] [--warmup-rate N] [--fault kill-routing|kill-ticket-core|kill-channel|broker-restart|db-restart|poison]
                              [--routing-instances 1]
              --rate      deliveries per second; 0 = as fast as the channel answers (default 0)
              --duration  load time, e.g. 30s or 2m (default 60s)
              --seed      seed of the traffic mix (default 42)
              --out       report folder (default bench/target/bench-report-<time>)
              --scenario  standard (default), smoke, or faults (every fault, spaced over the load; rate 0 = 20/s)
              --fault     one fault only (repeatable); implies --scenario faults
              --agents    agents (and 50 keyword rules) created in routing before the load; 0 = only the
                          three seeded agents (default 500)
              --warmup    load before the measured run, reported apart: the services' JIT compilers
                          take much of 2 cores in their first minutes (standard: 3m when paced, 2m at full speed; else 0)
              --warmup-rate  deliveries per second during the warm-up (default: the run's --rate when it
                          is paced, else 100); a JIT warmed at a lower rate compiles again under the load
              --routing-instances  routing processes side by side, sharing the intake's partitions and the
                          agents (default 1; kill-routing kills the first)""";

    static BenchOptions parse(List<String> args) {
        int rate = 0;
        Duration duration = Duration.ofSeconds(60);
        long seed = 42;
        Path out = Path.of("bench/target/bench-report-" + System.currentTimeMillis());
        String scenario = "standard";
        List<String> faults = new ArrayList<>();
        int agents = 500;
        Duration warmup = null;
        Integer warmupRate = null;
        int routingInstances = 1;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--rate" -> rate = Integer.parseInt(value);
                case "--duration" -> duration = duration(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--scenario" -> scenario = value;
                case "--fault" -> faults.add(value);
                case "--agents" -> agents = Integer.parseInt(value);
                case "--warmup" -> warmup = value.equals("0") ? Duration.ZERO : duration(value);
                case "--warmup-rate" -> warmupRate = Integer.parseInt(value);
                case "--routing-instances" -> routingInstances = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        if (!faults.isEmpty()) {
            scenario = "faults";
            faults.forEach(Faults::named); // an unknown name fails here, before anything starts
        }
        if (warmup == null) {
            // On 2 cores the C2 compiler is still busy after a minute; at a paced run's own rate the warm-up
            // falls behind while it compiles and needs a third minute to run as the load will (README, "The JIT
            // on two cores").
            warmup = !scenario.equals("standard") ? Duration.ZERO : Duration.ofMinutes(rate > 0 ? 3 : 2);
        }
        if (warmupRate == null) {
            warmupRate = rate > 0 ? rate : Scenario.WARMUP_RATE;
        }
        if (warmupRate < 1) {
            throw new IllegalArgumentException("--warmup-rate must be 1 or more\n" + USAGE);
        }
        if (routingInstances < 1) {
            throw new IllegalArgumentException("--routing-instances must be 1 or more\n" + USAGE);
        }
        return new BenchOptions(rate, duration, seed, out, scenario, List.copyOf(faults), agents, warmup,
                warmupRate, routingInstances);
    }

    Scenario warmupScenario() {
        return Scenario.warmup(warmup, warmupRate, seed + 1);
    }

    Scenario toScenario() {
        return Scenario.named(scenario, rate, duration, seed, faults);
    }

    /** 30s, 2m, 500ms or plain seconds. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }
}

package dev.switchboard.bench.report;

import dev.switchboard.bench.measure.HttpCeiling;
import dev.switchboard.bench.measure.KafkaCeiling;
import dev.switchboard.bench.measure.ProcessSampler;
import dev.switchboard.bench.measure.Stage;
import dev.switchboard.bench.measure.Tally;
import java.time.Instant;
import java.util.List;

/** Everything a run measured: written as figures.json, summarised in report.md. */
public record Figures(String scenario, Instant startedAt, int targetRatePerSecond, double loadSeconds, long seed,
                      int concurrency, String serviceJvmOptions, List<StageFigures> stages, Tally tally, boolean countsAddUp,
                      double acceptedPerSecond, double pipelinePerSecond, double drainSeconds, String drainOutcome,
                      KafkaCeiling.Result kafkaCeiling, double fractionOfCeiling, HttpCeiling.Result httpCeiling,
                      List<ProcessSampler.Usage> processes, List<TargetCheck> targets, FaultReport faults) {

    /** Latency percentiles (milliseconds, from the first webhook of the message) and throughput of one stage. */
    public record StageFigures(String stage, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                               double perSecond) {

        public static StageFigures of(Stage stage, long startMillis) {
            var h = stage.latencies();
            return new StageFigures(stage.name(), stage.count(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0, stage.throughput(startMillis));
        }
    }

    /** One target of issue 12 and whether this run met it. */
    public record TargetCheck(String target, String measured, boolean pass) {
    }

    public boolean allTargetsMet() {
        return targets.stream().allMatch(TargetCheck::pass);
    }
}

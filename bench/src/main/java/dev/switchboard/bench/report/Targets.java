package dev.switchboard.bench.report;

import dev.switchboard.bench.measure.Tally;
import java.util.List;

/** The targets of issue 12. Speed is judged here, in the report, never in a test. */
public final class Targets {
    static final double SUSTAINED_PER_SECOND = 5_000;
    static final double P99_DECISION_MS = 500;

    private Targets() {
    }

    /** @param overbooked agents over capacity at the end of the run (issue 4's invariant), each described */
    public static List<Figures.TargetCheck> check(double pipelinePerSecond, Figures.StageFigures decision, Tally tally,
                                                  List<String> overbooked) {
        return List.of(
                new Figures.TargetCheck("sustained >= 5,000 msg/s (unique messages stored per second)",
                        String.format("%,.0f msg/s", pipelinePerSecond), pipelinePerSecond >= SUSTAINED_PER_SECOND),
                new Figures.TargetCheck("p99 webhook -> routing decision < 500 ms",
                        String.format("%,.1f ms", decision.p99Ms()), decision.count() > 0 && decision.p99Ms() < P99_DECISION_MS),
                new Figures.TargetCheck("0 lost", String.valueOf(tally.lost()), tally.lost() == 0),
                new Figures.TargetCheck("0 doubled", String.valueOf(tally.doubled()), tally.doubled() == 0),
                new Figures.TargetCheck("no agent over capacity", overbooked.isEmpty() ? "0"
                        : overbooked.size() + " (" + String.join("; ", overbooked.subList(0, Math.min(3, overbooked.size())))
                        + ")", overbooked.isEmpty()));
    }
}

package dev.switchboard.bench.report;

import java.util.List;

/**
 * The faults of a run and what they cost the provider: deliveries sent again after a failure or a
 * 5xx, and deliveries the bounded retry policy gave up on (never accepted, so not "lost").
 */
public record FaultReport(List<FaultFigures> faults, long redeliveries, long gaveUp) {

    public FaultReport {
        faults = List.copyOf(faults);
    }

    public boolean allRecovered() {
        return faults.stream().allMatch(FaultFigures::recovered);
    }

    /** The target a fault run adds: each fault is followed by recovery. */
    public Figures.TargetCheck target() {
        long recovered = faults.stream().filter(FaultFigures::recovered).count();
        return new Figures.TargetCheck("every fault recovered", recovered + " of " + faults.size(), allRecovered());
    }
}

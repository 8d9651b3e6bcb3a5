package dev.switchboard.bench.report;

/**
 * One fault of a run.
 *
 * @param plannedAtSeconds  offset from the start of the load the scenario asked for
 * @param firedAtSeconds    when it really fired (later if the fault before it was still recovering)
 * @param injectSeconds     how long the damage itself took (a kill plus the restart until ready)
 * @param recoverySeconds   from firing until the stage it hit moved again; null if it did not within the limit
 * @param detail            what else was checked (poison records: dead-letter topic, committed offset)
 */
public record FaultFigures(String name, String description, double plannedAtSeconds, double firedAtSeconds,
                           double injectSeconds, Double recoverySeconds, String detail, String error) {

    public boolean recovered() {
        return recoverySeconds != null;
    }
}

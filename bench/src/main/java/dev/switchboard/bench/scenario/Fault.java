package dev.switchboard.bench.scenario;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.devkit.launcher.Stack;

/**
 * Something done to the running system in the middle of the load: kill -9 a service, restart the
 * broker or the database, publish a poison record. Scenarios list {@link Scheduled} faults and
 * {@link BenchRun} fires each at its offset, then waits until the part it hit works again.
 */
public interface Fault {

    /** Short name, as on the command line (kill-routing, poison, ...). */
    String name();

    String description();

    /** Does the damage; a restart returns once the part is back up. */
    void inject(Stack stack);

    /**
     * Whether the stage this fault hit processes again.
     *
     * @param since the progress right after {@link #inject} returned
     * @param now   the progress now
     */
    boolean recovered(Progress.Snapshot since, Progress.Snapshot now);

    /** What was checked beyond the stage moving (e.g. where a poison record ended); empty by default. */
    default String detail() {
        return "";
    }

    /** A fault and when to fire it, counted from the start of the load. */
    record Scheduled(java.time.Duration at, Fault fault) {
    }
}

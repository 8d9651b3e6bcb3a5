package dev.switchboard.bench.scenario;

import dev.switchboard.devkit.launcher.Stack;

/**
 * Something done to the running system in the middle of the load: kill -9 a service, restart the
 * broker or the database, publish a poison record. None exists yet; scenarios that use them list
 * {@link Scheduled} faults and {@link BenchRun} fires each at its offset.
 */
public interface Fault {

    String description();

    void inject(Stack stack);

    /** A fault and when to fire it, counted from the start of the load. */
    record Scheduled(java.time.Duration at, Fault fault) {
    }
}

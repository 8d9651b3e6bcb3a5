package dev.switchboard.bench.scenario;

import dev.switchboard.bench.measure.SendLog;
import dev.switchboard.bench.measure.StageWatcher;
import dev.switchboard.bench.measure.TicketStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * After the load: waits until every accepted message has a routing decision and a stored row, or
 * until the pipeline makes no progress for the timeout (what is missing then counts as lost).
 */
final class Drain {
    private static final Duration POLL = Duration.ofMillis(500);
    // Late duplicates arrive after the last expected record; give them a moment to show up.
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Duration stallTimeout;
    private final PrintStream console;

    Drain(Duration stallTimeout, PrintStream console) {
        this.stallTimeout = stallTimeout;
        this.console = console;
    }

    void await(SendLog log, StageWatcher watcher, TicketStore tickets) {
        long expected = log.uniqueAcked();
        long lastProgress = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long routed = log.messages().stream().filter(m -> m.acked() && watcher.routed(m.id())).count();
            long stored = tickets.count();
            if (routed >= expected && stored >= expected) {
                break;
            }
            if (routed + stored != lastProgress) {
                lastProgress = routed + stored;
                lastChange = System.nanoTime();
                console.printf("Drain: %,d of %,d routed, %,d stored%n", routed, expected, stored);
            } else if (System.nanoTime() - lastChange > stallTimeout.toNanos()) {
                console.printf("Drain: no progress for %d s; the rest counts as lost%n", stallTimeout.toSeconds());
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        LockSupport.parkNanos(SETTLE.toNanos());
    }
}

package dev.switchboard.bench.scenario;

import dev.switchboard.bench.measure.SendLog;
import dev.switchboard.bench.measure.StageWatcher;
import dev.switchboard.bench.measure.TicketStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * After the load: waits until every accepted message has a routing decision and a stored row, until
 * the pipeline makes no progress for the stall timeout (what is missing then is lost), or until the
 * limit (what is missing then may still be in a backlog; the report says so).
 */
final class Drain {
    private static final Duration POLL = Duration.ofMillis(500);
    // Late duplicates arrive after the last expected record; give them a moment to show up.
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** How the drain ended. */
    enum Outcome { COMPLETE, STALLED, CUT_OFF }

    private final Duration stallTimeout;
    private final Duration limit;
    private final PrintStream console;

    Drain(Duration stallTimeout, Duration limit, PrintStream console) {
        this.stallTimeout = stallTimeout;
        this.limit = limit;
        this.console = console;
    }

    Outcome await(SendLog log, StageWatcher watcher, TicketStore tickets) {
        long expected = log.uniqueAcked();
        long lastProgress = -1;
        long start = System.nanoTime();
        long lastChange = start;
        Outcome outcome;
        while (true) {
            long routed = log.messages().stream().filter(m -> m.acked() && watcher.routed(m.id())).count();
            long stored = tickets.count();
            if (routed >= expected && stored >= expected) {
                outcome = Outcome.COMPLETE;
                break;
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                console.printf("Drain: cut off after %d s with %,d routed and %,d stored of %,d%n",
                        limit.toSeconds(), routed, stored, expected);
                outcome = Outcome.CUT_OFF;
                break;
            }
            if (routed + stored != lastProgress) {
                lastProgress = routed + stored;
                lastChange = System.nanoTime();
                console.printf("Drain: %,d of %,d routed, %,d stored%n", routed, expected, stored);
            } else if (System.nanoTime() - lastChange > stallTimeout.toNanos()) {
                console.printf("Drain: no progress for %d s; the rest counts as lost%n", stallTimeout.toSeconds());
                outcome = Outcome.STALLED;
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        LockSupport.parkNanos(SETTLE.toNanos());
        return outcome;
    }
}

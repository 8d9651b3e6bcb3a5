package dev.switchboard.bench.scenario;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.report.FaultFigures;
import dev.switchboard.devkit.launcher.Stack;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires a scenario's faults one after the other on its own thread while the load runs: each at its
 * offset (or at once, if the one before is still recovering), then polls until the stage it hit
 * moves again. The load runs on while faults are {@link #pending()}: recovery shows only in traffic.
 */
final class FaultRunner implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);

    private final List<Fault.Scheduled> faults;
    private final Stack stack;
    private final Progress progress;
    private final PrintStream console;
    private final List<FaultFigures> figures = new CopyOnWriteArrayList<>();
    private final long loadStartNanos = System.nanoTime();
    private final Thread thread;

    FaultRunner(List<Fault.Scheduled> faults, Stack stack, Progress progress, PrintStream console) {
        this.faults = faults;
        this.stack = stack;
        this.progress = progress;
        this.console = console;
        this.thread = new Thread(this::fireAll, "bench-faults");
        thread.setDaemon(true);
        thread.start();
    }

    private void fireAll() {
        for (Fault.Scheduled scheduled : faults) {
            long wait = loadStartNanos + scheduled.at().toNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            figures.add(fire(scheduled));
        }
    }

    private FaultFigures fire(Fault.Scheduled scheduled) {
        Fault fault = scheduled.fault();
        long fired = System.nanoTime();
        console.printf("%nFault at %.1f s: %s%n", seconds(fired - loadStartNanos), fault.description());
        try {
            fault.inject(stack);
        } catch (RuntimeException e) {
            console.printf("Fault %s failed: %s%n", fault.name(), e.getMessage());
            return figures(scheduled, fired, System.nanoTime(), null, e.toString());
        }
        long injected = System.nanoTime();
        Progress.Snapshot since = progress.now();
        while (System.nanoTime() - fired < RECOVERY_LIMIT.toNanos()) {
            if (fault.recovered(since, progress.now())) {
                long recovered = System.nanoTime();
                console.printf("%nFault %s: recovered %.1f s after it fired%n", fault.name(), seconds(recovered - fired));
                return figures(scheduled, fired, injected, recovered, null);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        console.printf("%nFault %s: no recovery within %d s%n", fault.name(), RECOVERY_LIMIT.toSeconds());
        return figures(scheduled, fired, injected, null, null);
    }

    private FaultFigures figures(Fault.Scheduled scheduled, long fired, long injected, Long recovered, String error) {
        Fault fault = scheduled.fault();
        String detail;
        try {
            detail = fault.detail();
        } catch (RuntimeException e) {
            detail = "(detail unavailable: " + e.getMessage() + ")";
        }
        return new FaultFigures(fault.name(), fault.description(), scheduled.at().toMillis() / 1000.0,
                seconds(fired - loadStartNanos), seconds(injected - fired),
                recovered == null ? null : seconds(recovered - fired), detail, error);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    /** Whether faults are still to fire or to recover; the load keeps going until they are not. */
    boolean pending() {
        return thread.isAlive();
    }

    /** What has been fired so far, in order. */
    List<FaultFigures> figures() {
        return new ArrayList<>(figures);
    }

    /** Waits until every fault has fired and recovered (or given up). */
    @Override
    public void close() {
        try {
            Duration bound = RECOVERY_LIMIT.plus(Duration.ofMinutes(3)).multipliedBy(Math.max(1, faults.size()));
            thread.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.switchboard.bench.load;

import dev.switchboard.bench.measure.SendLog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One terminal line, rewritten four times a second: elapsed, rate, sent, acked, errors. */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final SendLog log;
    private final Duration total;
    private final PrintStream out;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private long lastAcks;
    private long lastNanos = start;

    /** @param interactive false (a log file, CI): one plain line every 5 s instead of a rewritten line */
    public ProgressBar(SendLog log, Duration total, PrintStream out, boolean interactive) {
        this.log = log;
        this.total = total;
        this.out = out;
        this.interactive = interactive;
        long period = interactive ? 250 : 5000;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void draw() {
        long now = System.nanoTime();
        long acks = log.acks();
        double rate = (acks - lastAcks) * 1e9 / Math.max(1, now - lastNanos);
        lastAcks = acks;
        lastNanos = now;
        double done = Math.min(1.0, (now - start) / (double) total.toNanos());
        int filled = (int) Math.round(done * WIDTH);
        String line = String.format("[%s%s] %3ds  %,7.0f msg/s  sent %,d  acked %,d  errors %,d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), (now - start) / 1_000_000_000L, rate,
                log.requests(), acks, log.errors());
        out.print(interactive ? "\r" + line : line + System.lineSeparator());
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        draw();
        if (interactive) {
            out.println();
        }
    }
}

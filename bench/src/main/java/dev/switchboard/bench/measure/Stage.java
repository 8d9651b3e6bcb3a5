package dev.switchboard.bench.measure;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one stage (microseconds, 3 significant digits) and the span of its events, from
 * which its throughput follows. Thread-safe: answers arrive on the HTTP client's threads.
 */
public final class Stage {
    private final String name;
    private final Histogram latencies = new ConcurrentHistogram(3);
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    public Stage(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** @param atMillis wall-clock time the event happened, for the throughput span */
    public void record(long micros, long atMillis) {
        // Millisecond clocks (Kafka timestamps) can put an event a hair before its cause.
        latencies.recordValue(Math.max(0, micros));
        last.accumulateAndGet(atMillis, Math::max);
    }

    public Histogram latencies() {
        return latencies;
    }

    public long count() {
        return latencies.getTotalCount();
    }

    /** Events per second between the given start and this stage's last event. */
    public double throughput(long startMillis) {
        long end = last.get();
        return count() == 0 || end <= startMillis ? 0 : count() * 1000.0 / (end - startMillis);
    }

    public long lastMillis() {
        return last.get();
    }
}

package dev.switchboard.bench.measure;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Per-second counts and latencies, indexed by seconds since the run started: the plots' data. */
public final class Timeline {
    private final long startMillis;
    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Histogram>> latencies = new ConcurrentHashMap<>();

    public Timeline(long startMillis) {
        this.startMillis = startMillis;
    }

    public long startMillis() {
        return startMillis;
    }

    public void count(String series, long atMillis) {
        counts.computeIfAbsent(series, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(second(atMillis), s -> new LongAdder()).increment();
    }

    /** A latency, filed under the second its message was sent in. */
    public void latency(String series, long sentAtMillis, long micros) {
        latencies.computeIfAbsent(series, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(second(sentAtMillis), s -> new ConcurrentHistogram(3))
                .recordValue(Math.max(0, micros));
    }

    /** Counts per second, with the quiet seconds in between as zeros (a gap is a finding, not a missing point). */
    public SortedMap<Integer, Long> counts(String series) {
        SortedMap<Integer, Long> out = new TreeMap<>();
        counts.getOrDefault(series, Map.of()).forEach((second, n) -> out.put(second, n.sum()));
        if (!out.isEmpty()) {
            for (int second = out.firstKey(); second < out.lastKey(); second++) {
                out.putIfAbsent(second, 0L);
            }
        }
        return out;
    }

    /** The given percentile per second, in milliseconds. */
    public SortedMap<Integer, Double> percentileMillis(String series, double percentile) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        latencies.getOrDefault(series, Map.of())
                .forEach((second, h) -> out.put(second, h.getValueAtPercentile(percentile) / 1000.0));
        return out;
    }

    private int second(long atMillis) {
        return (int) Math.max(0, (atMillis - startMillis) / 1000);
    }
}

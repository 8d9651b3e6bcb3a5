package dev.switchboard.bench.measure;

import dev.switchboard.devkit.launcher.ProcessCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Samples CPU (utime + stime from {@code /proc/<pid>/stat}) and resident memory ({@code VmRSS} in
 * {@code /proc/<pid>/status}) of each process once a second. A process given as a tree (PostgreSQL: the
 * postmaster and its backends) counts the CPU of every process in it, ended ones included, and their proportional memory
 * ({@code Pss} in {@code smaps_rollup}, so shared buffers count once). Linux only; elsewhere it reports
 * nothing.
 *
 * <p>A tree's memory is read every {@value #TREE_MEMORY_EVERY} samples: {@code smaps_rollup} makes the
 * kernel walk each backend's page tables (about 60 ms of CPU a second for PostgreSQL's fifteen processes,
 * measured), which the sampler would otherwise take from the processes it measures.
 *
 * <p>Each name's pid is asked anew every second: a service killed and started again, or PostgreSQL or
 * the broker restarted by a fault, is followed to its new process (from its second sample on, since its
 * counters start again from zero).
 */
public final class ProcessSampler implements AutoCloseable {
    /** CPU in percent of one core, averaged over the run and at its busiest second; memory in MiB. */
    public record Usage(String name, long pid, double cpuAvgPercent, double cpuMaxPercent, double rssAvgMiB,
                        double rssMaxMiB) {
    }

    private static final int TREE_MEMORY_EVERY = 10;

    private final Map<String, LongSupplier> pids;
    private final Set<String> trees;
    private final Map<String, List<double[]>> samples = new LinkedHashMap<>();
    /** Per name: when, the counter, and the pid of its last sample. */
    private final Map<String, long[]> previous = new LinkedHashMap<>();
    /** Per name: the pid last seen (the report's). */
    private final Map<String, Long> lastPid = new LinkedHashMap<>();
    /** For a tree: its memory when last read, and how many samples ago. */
    private final Map<String, double[]> treeMemory = new HashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-process-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** @param pids process name to its pid now (asked every second; 0 or less: not running) */
    public ProcessSampler(Map<String, LongSupplier> pids) {
        this(pids, Map.of());
    }

    /**
     * @param pids  process name to its pid now (asked every second; 0 or less: not running)
     * @param trees process name to the pid now of a process measured with all its descendants
     */
    public ProcessSampler(Map<String, LongSupplier> pids, Map<String, LongSupplier> trees) {
        this.pids = new LinkedHashMap<>(pids);
        this.pids.putAll(trees);
        this.trees = Set.copyOf(trees.keySet());
        this.pids.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        sample();
        ticker.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Each process's CPU ticks so far (a tree: see {@link ProcessCpu#treeTicks}) against the last sample's: the CPU between. */
    private synchronized void sample() {
        long now = System.nanoTime();
        pids.forEach((name, current) -> {
            long pid = pidNow(current);
            if (pid <= 0) {
                return; // not running (restarting): no sample
            }
            boolean tree = trees.contains(name);
            Long ticks = tree ? ProcessCpu.treeTicks(pid) : ProcessCpu.ticks(pid);
            Double mib = tree ? treeMiB(name, pid) : mib(rssKiB(pid));
            if (ticks == null || mib == null) {
                return; // gone (killed, stopped, restarting): no sample
            }
            lastPid.put(name, pid);
            long[] before = previous.put(name, new long[] {now, ticks, pid});
            if (before != null && before[2] == pid) { // a new process's counter starts again: no sample yet
                double seconds = (now - before[0]) / 1e9;
                double cpu = (ticks - before[1]) / ProcessCpu.TICKS_PER_SECOND / seconds * 100;
                samples.get(name).add(new double[] {cpu, mib});
            }
        });
    }

    private static long pidNow(LongSupplier current) {
        try {
            return current.getAsLong();
        } catch (RuntimeException e) {
            return -1; // its owner is between two processes
        }
    }

    /** A tree's proportional memory, read anew every {@value #TREE_MEMORY_EVERY} samples; null when the root is gone. */
    private Double treeMiB(String name, long root) {
        Optional<ProcessHandle> handle = ProcessHandle.of(root);
        if (handle.isEmpty()) {
            return null;
        }
        double[] memory = treeMemory.computeIfAbsent(name, n -> new double[] {0, TREE_MEMORY_EVERY});
        if (memory[1]++ >= TREE_MEMORY_EVERY) {
            long pssKiB = Stream.concat(Stream.of(handle.get()), handle.get().descendants())
                    .map(h -> pssKiB(h.pid())).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
            memory[0] = pssKiB / 1024.0;
            memory[1] = 1;
        }
        return memory[0];
    }

    private static Double mib(Long kiB) {
        return kiB == null ? null : kiB / 1024.0;
    }

    private static Long pssKiB(long pid) {
        return kiB(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
    }

    private static Long rssKiB(long pid) {
        return kiB(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
    }

    /** The figure (in kB) of the line starting with {@code label} in a /proc file; null if absent. */
    private static Long kiB(Path file, String label) {
        String text = read(file);
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(label)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    public synchronized List<Usage> usage() {
        List<Usage> out = new ArrayList<>();
        samples.forEach((name, list) -> out.add(new Usage(name, lastPid.getOrDefault(name, -1L),
                list.stream().mapToDouble(s -> s[0]).average().orElse(0),
                list.stream().mapToDouble(s -> s[0]).max().orElse(0),
                list.stream().mapToDouble(s -> s[1]).average().orElse(0),
                list.stream().mapToDouble(s -> s[1]).max().orElse(0))));
        return out;
    }
}

package dev.switchboard.devkit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * CPU time of a process or a process tree so far, from {@code /proc/<pid>/stat} (Linux only; elsewhere,
 * or when the process is gone, nothing). Benchmarks take two readings and the difference.
 */
public final class ProcessCpu {
    /** USER_HZ is 100 on every mainstream Linux; /proc reports CPU time in these ticks. */
    public static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /**
     * CPU a process tree has used so far: the root's own, its reaped children's (a backend or autovacuum
     * worker that ended) and that of the descendants still alive. Zero when the root is gone or not on Linux.
     */
    public static Duration treeCpu(long root) {
        Long ticks = treeTicks(root);
        return ticks == null ? Duration.ZERO : Duration.ofMillis(Math.round(ticks * 1000 / TICKS_PER_SECOND));
    }

    /**
     * As {@link #treeCpu}, in ticks; null when the root is gone. A counter that only grows: a child that
     * ends moves its time from the live descendants to the root's children's time.
     */
    public static Long treeTicks(long root) {
        String[] fields = statFields(root);
        if (fields == null) {
            return null;
        }
        // utime, stime, cutime, cstime (fields 14-17): the last two count children the root has waited for.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        return ticks + ProcessHandle.of(root).stream().flatMap(ProcessHandle::descendants)
                .map(h -> ticks(h.pid())).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /** The process's own CPU (utime + stime) in ticks; null when it is gone. */
    public static Long ticks(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? null : Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14), stime (15)
    }

    /** The fields of {@code /proc/<pid>/stat} from the state (field 3) on; the command name may contain spaces. */
    private static String[] statFields(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}

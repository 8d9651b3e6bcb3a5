package dev.switchboard.bench.load;

import java.time.Duration;
import java.util.Optional;

/**
 * How the provider retries a delivery that failed or got a 5xx: Meta backs off and keeps trying
 * for days; the benchmark bounds it so a run ends, and counts the deliveries it gave up on.
 *
 * @param maxAttempts attempts in all, the first included
 * @param first       the wait before the first retry; doubled after each, up to {@code max}
 */
public record RetryPolicy(int maxAttempts, Duration first, Duration max) {

    /** 1, 2, 4, 8, 10, 10, 10 s: about 45 s, longer than a broker or service restart here. */
    public static final RetryPolicy META_LIKE = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1 || first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("bad retry policy");
        }
    }

    /** The wait before attempt {@code failedAttempt + 1}, or empty when the provider gives up. */
    public Optional<Duration> delayAfter(int failedAttempt) {
        if (failedAttempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = first.multipliedBy(1L << Math.min(failedAttempt - 1, 20));
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }

    /** Whether the provider treats this answer as "try again later" (a failed connection is null). */
    public static boolean retriable(Integer status) {
        return status == null || status >= 500 || status == 429;
    }
}

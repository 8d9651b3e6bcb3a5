package dev.switchboard.bench.load;

import dev.switchboard.bench.measure.SendLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends deliveries at a target rate (open model: the schedule does not wait for answers) or, with
 * rate 0, as fast as the channel answers; never more than {@code concurrency} first attempts in
 * flight. A failed or 5xx delivery is sent again, byte for byte, by the {@link RetryPolicy}.
 */
public final class LoadGenerator {
    // Long enough for the last retries of the policy plus their request timeouts.
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(120);

    private final ChannelDriver driver;
    private final TrafficMix mix;
    private final SendLog log;
    private final int concurrency;
    private final RetryPolicy retryPolicy;
    // One party for the generator and one per delivery or retry not yet answered.
    private final Phaser pending = new Phaser(1);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-provider-retries");
        thread.setDaemon(true);
        return thread;
    });

    public LoadGenerator(ChannelDriver driver, TrafficMix mix, SendLog log, int concurrency) {
        this(driver, mix, log, concurrency, RetryPolicy.META_LIKE);
    }

    public LoadGenerator(ChannelDriver driver, TrafficMix mix, SendLog log, int concurrency, RetryPolicy retryPolicy) {
        this.driver = driver;
        this.mix = mix;
        this.log = log;
        this.concurrency = concurrency;
        this.retryPolicy = retryPolicy;
    }

    /** Sends for the given duration, then waits (bounded) for the answers and retries still pending. */
    public void run(int ratePerSecond, Duration duration) {
        run(ratePerSecond, duration, () -> false);
    }

    /**
     * As {@link #run(int, Duration)}, but keeps sending past the duration while {@code keepGoing}
     * says so: a fault's recovery can only be seen while traffic flows.
     */
    public void run(int ratePerSecond, Duration duration, BooleanSupplier keepGoing) {
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        long due = start;
        try {
            while (System.nanoTime() < end || keepGoing.getAsBoolean()) {
                if (interval > 0) {
                    // Behind schedule we send at once, so a slow patch shows up as latency, not as a lower rate.
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    due += interval;
                }
                acquire(inFlight);
                send(mix.next(), 1, inFlight);
            }
            awaitAnswers();
        } finally {
            retries.shutdownNow();
        }
    }

    /** @param inFlight the permit to give back on the answer; null for a retry, which holds none */
    private void send(Delivery delivery, int attempt, Semaphore inFlight) {
        pending.register();
        long sentAtMillis = System.currentTimeMillis();
        long sentAtNanos = System.nanoTime();
        SendLog.Sent sent = log.onSend(driver.messageId(delivery.message()), delivery, sentAtMillis);
        try {
            driver.deliver(delivery.message()).whenComplete((status, failure) -> {
                if (inFlight != null) {
                    inFlight.release();
                }
                if (failure != null) {
                    log.onFailure();
                } else {
                    log.onAnswer(sent, sentAtMillis, System.nanoTime() - sentAtNanos, status);
                }
                if (RetryPolicy.retriable(failure != null ? null : status)) {
                    retry(delivery, attempt);
                }
                pending.arriveAndDeregister();
            });
        } catch (RuntimeException e) {
            if (inFlight != null) {
                inFlight.release();
            }
            log.onFailure();
            retry(delivery, attempt);
            pending.arriveAndDeregister();
        }
    }

    private void retry(Delivery delivery, int failedAttempt) {
        retryPolicy.delayAfter(failedAttempt).ifPresentOrElse(delay -> {
            pending.register(); // before the failed attempt deregisters, so the count never passes zero early
            Delivery again = new Delivery(Delivery.Kind.PROVIDER_RETRY, delivery.message());
            retries.schedule(() -> {
                try {
                    log.onRedelivery();
                    send(again, failedAttempt + 1, null);
                } finally {
                    pending.arriveAndDeregister();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }, log::onGaveUp);
    }

    private void awaitAnswers() {
        try {
            pending.awaitAdvanceInterruptibly(pending.arrive(), ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("answers still missing " + ANSWER_WAIT.toSeconds()
                    + " s after the load ended");
        }
    }

    private static void acquire(Semaphore inFlight) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

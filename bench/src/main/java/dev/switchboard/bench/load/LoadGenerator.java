package dev.switchboard.bench.load;

import dev.switchboard.bench.measure.SendLog;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends deliveries at a target rate (open model: the schedule does not wait for answers) or, with
 * rate 0, as fast as the channel answers; never more than {@code concurrency} in flight.
 */
public final class LoadGenerator {
    private final ChannelDriver driver;
    private final TrafficMix mix;
    private final SendLog log;
    private final int concurrency;

    public LoadGenerator(ChannelDriver driver, TrafficMix mix, SendLog log, int concurrency) {
        this.driver = driver;
        this.mix = mix;
        this.log = log;
        this.concurrency = concurrency;
    }

    /** Sends for the given duration, then waits (bounded) for the answers still in flight. */
    public void run(int ratePerSecond, Duration duration) {
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        long due = start;
        while (System.nanoTime() < end) {
            if (interval > 0) {
                // Behind schedule we send at once, so a slow patch shows up as latency, not as a lower rate.
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                due += interval;
            }
            acquire(inFlight);
            send(mix.next(), inFlight);
        }
        awaitAnswers(inFlight);
    }

    private void send(Delivery delivery, Semaphore inFlight) {
        long sentAtMillis = System.currentTimeMillis();
        long sentAtNanos = System.nanoTime();
        SendLog.Sent sent = log.onSend(driver.messageId(delivery.message()), delivery, sentAtMillis);
        try {
            driver.deliver(delivery.message()).whenComplete((status, failure) -> {
                inFlight.release();
                if (failure != null) {
                    log.onFailure();
                } else {
                    log.onAnswer(sent, sentAtMillis, System.nanoTime() - sentAtNanos, status);
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            log.onFailure();
        }
    }

    private void awaitAnswers(Semaphore inFlight) {
        try {
            if (!inFlight.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("answers still missing 60 s after the load ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

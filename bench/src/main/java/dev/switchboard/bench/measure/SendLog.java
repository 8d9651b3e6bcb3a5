package dev.switchboard.bench.measure;

import dev.switchboard.bench.load.Delivery;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the generator sent and what the channel answered, per unique message: the ground truth
 * that the topics and the database are checked against.
 */
public final class SendLog {
    /** One unique message; repeats of it only bump {@link #deliveries}. */
    public static final class Sent {
        private final UUID id;
        private final String providerMessageId;
        private final Delivery.Kind kind;
        private final long sentAtMillis;
        private final AtomicInteger deliveries = new AtomicInteger();
        private final AtomicLong ackedAtMillis = new AtomicLong(-1);

        Sent(UUID id, String providerMessageId, Delivery.Kind kind, long sentAtMillis) {
            this.id = id;
            this.providerMessageId = providerMessageId;
            this.kind = kind;
            this.sentAtMillis = sentAtMillis;
        }

        public UUID id() {
            return id;
        }

        public String providerMessageId() {
            return providerMessageId;
        }

        public Delivery.Kind kind() {
            return kind;
        }

        public long sentAtMillis() {
            return sentAtMillis;
        }

        public int deliveries() {
            return deliveries.get();
        }

        public boolean acked() {
            return ackedAtMillis.get() >= 0;
        }
    }

    private final Map<UUID, Sent> messages = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder redeliveries = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final Stage ack = new Stage("provider ack (HTTP 200)");
    private final Timeline timeline;

    public SendLog(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Called just before a delivery goes out; returns the message it belongs to. */
    public Sent onSend(UUID id, Delivery delivery, long nowMillis) {
        requests.increment();
        timeline.count("sent", nowMillis);
        if (!delivery.kind().isNewMessage()) {
            retries.increment();
        }
        Sent sent = messages.computeIfAbsent(id,
                i -> new Sent(i, delivery.message().providerMessageId(), delivery.kind(), nowMillis));
        sent.deliveries.incrementAndGet();
        return sent;
    }

    /** Called with the channel's answer; only a 200 counts as accepted. */
    public void onAnswer(Sent sent, long sentAtMillis, long latencyNanos, int status) {
        long now = sentAtMillis + latencyNanos / 1_000_000;
        if (status != 200) {
            errors.increment();
            return;
        }
        acks.increment();
        ack.record(latencyNanos / 1_000, now);
        timeline.count("acked", now);
        timeline.latency("ack", sentAtMillis, latencyNanos / 1_000);
        sent.ackedAtMillis.compareAndSet(-1, now);
    }

    public void onFailure() {
        errors.increment();
    }

    /** A delivery sent again because the previous attempt failed or got a 5xx (also counted as a retry). */
    public void onRedelivery() {
        redeliveries.increment();
    }

    /** The retry policy gave up on a delivery. */
    public void onGaveUp() {
        gaveUp.increment();
    }

    public long redeliveries() {
        return redeliveries.sum();
    }

    public long gaveUp() {
        return gaveUp.sum();
    }

    public Collection<Sent> messages() {
        return messages.values();
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long acks() {
        return acks.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long uniqueAcked() {
        return messages.values().stream().filter(Sent::acked).count();
    }

    public Stage ackStage() {
        return ack;
    }
}

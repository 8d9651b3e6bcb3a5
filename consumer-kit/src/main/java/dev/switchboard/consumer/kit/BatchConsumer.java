package dev.switchboard.consumer.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads one topic a batch at a time with {@link ConsumerSettings#concurrency()} consumers, each on a
 * thread of its own, and commits a batch's offsets only after its handler's effect is durable.
 *
 * <p>Why not SmallRye's Kafka connector: while a batch runs, the connector pauses the partitions and
 * polls again at once with a zero timeout, over and over; in a backlog (whenever the service is the
 * bottleneck) its polling threads took a third of routing's CPU. Here, while a batch runs, the
 * consumer's partitions are paused and it polls once per second only to stay in its group (a batch
 * may run for longer than {@code max.poll.interval.ms}, e.g. while the database is away).
 *
 * <p>A batch runs on a duplicated Vert.x context of its consumer, as the connector ran it, so the
 * reactive database clients work as before. If the group takes partitions away while a batch runs,
 * the batch may finish (up to {@link #REVOKE_WAIT}) and is committed before they go, so the next
 * owner does not redo it; if it cannot, the next owner redoes it, which the handlers make harmless.
 */
public final class BatchConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    /** While a batch runs, the (paused) consumer polls this often to keep its place in the group. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(1);
    /**
     * On a rebalance, how long the running batch may take to finish so that its offsets are committed
     * (at most half of {@code max.poll.interval.ms}, the group's patience for a member to rejoin).
     */
    static final Duration REVOKE_WAIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerSettings settings;
    private final BatchHandler handler;
    private final List<Loop> loops;

    public BatchConsumer(ConsumerSettings settings, Map<String, Object> kafka, BatchHandler handler, Vertx vertx,
                         MeterRegistry registry) {
        this.settings = settings;
        this.handler = handler;
        this.loops = IntStream.range(0, settings.concurrency())
                .mapToObj(i -> new Loop(settings.name() + "-" + i, consumerConfig(kafka, settings, i), vertx, registry))
                .toList();
    }

    static Map<String, Object> consumerConfig(Map<String, Object> kafka, ConsumerSettings settings, int index) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name() + "-" + index);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, partitionFetchBytes(settings));
        return props;
    }

    /**
     * A poll hands over the records of one partition's fetched data until it is used up. With Kafka's
     * 1 MiB per partition, a backlog was read a thousand messages of one partition at a time while the
     * customers on the consumer's other partitions waited (the benchmark's ~18 s latency steps). About two
     * batches' worth per partition and fetch lets the partitions take turns; a larger record still comes
     * (Kafka returns at least one), and an idle consumer fetches as before.
     */
    static int partitionFetchBytes(ConsumerSettings settings) {
        long twoBatches = 2L * settings.maxPollRecords() * 1024;
        return (int) Math.max(64 * 1024, Math.min(1024 * 1024, twoBatches));
    }

    public ConsumerSettings settings() {
        return settings;
    }

    public void start() {
        loops.forEach(Loop::start);
    }

    /** The partitions its consumers hold now (none before the group first assigned them). */
    public int partitions() {
        return loops.stream().mapToInt(loop -> loop.owned.size()).sum();
    }

    /**
     * How long the oldest batch still running has been (zero when none): a batch waits, retrying, while the
     * database or the broker is away, and its partitions wait with it.
     */
    public Duration longestRunningBatch() {
        long now = System.nanoTime();
        return Duration.ofNanos(loops.stream().mapToLong(loop -> loop.batchStarted)
                .filter(started -> started != 0).map(started -> now - started).max().orElse(0));
    }

    /** What keeps this consumer from reading (empty: every consumer polls). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Loop loop : loops) {
            if (loop.failure != null) {
                problems.add(loop.name + " stopped: " + loop.failure);
            } else if (!loop.thread.isAlive() && !loop.closing) {
                problems.add(loop.name + " is not running");
            }
        }
        return problems;
    }

    /**
     * Stops polling; a running batch may finish and be committed within the timeout, then every
     * consumer leaves its group (its partitions move to the other instances at once).
     */
    public void close(Duration timeout) {
        loops.forEach(Loop::stop);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Loop loop : loops) {
            try {
                loop.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (loop.thread.isAlive()) {
                LOG.warnf("%s did not stop within %s; what it has not committed, the next owner redoes", loop.name,
                        timeout);
            }
        }
    }

    @Override
    public void close() {
        close(BatchConsumers.STOP_TIMEOUT);
    }

    /** One poll's records, in partition then offset order, and the offsets that mark them done. */
    private static final class Batch {
        final List<ConsumerRecord<String, byte[]>> records;
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Batch(ConsumerRecords<String, byte[]> polled) {
            records = new ArrayList<>(polled.count());
            for (TopicPartition partition : polled.partitions()) {
                List<ConsumerRecord<String, byte[]>> of = polled.records(partition);
                records.addAll(of);
                offsets.put(partition, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
            }
        }
    }

    private final class Loop implements Runnable, ConsumerRebalanceListener {
        final String name;
        final KafkaConsumer<String, byte[]> consumer;
        final KafkaClientMetrics metrics;
        final Vertx vertx;
        final Thread thread;
        volatile boolean running = true;
        volatile boolean closing;
        volatile Throwable failure;
        final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
        /** {@link System#nanoTime()} when the running batch was handed over; 0 when none runs. */
        volatile long batchStarted;
        /** The batch being handled; read and written on this loop's thread only. */
        private Batch inFlight;

        Loop(String name, Map<String, Object> config, Vertx vertx, MeterRegistry registry) {
            this.name = name;
            this.vertx = vertx;
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            // No tag of ours: SmallRye's consumers in the same registry have the same meters, and Prometheus
            // keeps only one set of tag keys per name (the client id already names the consumer).
            this.metrics = new KafkaClientMetrics(consumer);
            metrics.bindTo(registry);
            this.thread = new Thread(this, name);
            thread.setDaemon(true); // a batch stuck on an absent database must not keep the JVM from exiting
        }

        void start() {
            thread.start();
        }

        void stop() {
            closing = true;
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            // A context of this thread's own: each consumer's batches run on one event loop, as with the connector.
            Context context = vertx.getOrCreateContext();
            try {
                consumer.subscribe(List.of(settings.topic()), this);
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        process(new Batch(records), context);
                    }
                }
            } catch (WakeupException e) {
                LOG.debugf("%s: woken up to stop", name);
            } catch (RuntimeException | Error e) {
                failure = e;
                LOG.errorf(e, "%s stopped; its uncommitted records wait for another consumer or a restart", name);
            } finally {
                metrics.close();
                consumer.close(CLOSE_TIMEOUT);
            }
        }

        private void process(Batch batch, Context context) {
            consumer.pause(consumer.assignment());
            inFlight = batch;
            batchStarted = System.nanoTime();
            try {
                VertxContext.createNewDuplicatedContext(context).runOnContext(ignored -> handle(batch));
                awaitPolling(batch);
            } finally {
                inFlight = null;
                batchStarted = 0;
            }
            batch.done.join(); // a handler's failure ends this loop (health DOWN) with nothing committed
            commit(batch);
            consumer.resume(consumer.assignment());
        }

        private void handle(Batch batch) {
            try {
                handler.handle(batch.records)
                        .subscribe().with(ignored -> batch.done.complete(null), batch.done::completeExceptionally);
            } catch (Throwable e) { // an Error or no Uni at all: a bug as well, which must stop this consumer
                batch.done.completeExceptionally(e);
            }
        }

        /** Waits for the batch, polling (paused: no records) once per {@link #KEEP_ALIVE} to stay in the group. */
        private void awaitPolling(Batch batch) {
            while (true) {
                try {
                    batch.done.get(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    return;
                } catch (TimeoutException e) {
                    try {
                        rewind(consumer.poll(Duration.ZERO));
                    } catch (WakeupException stopping) {
                        LOG.debugf("%s: stopping after its running batch", name);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(name + " interrupted while a batch ran", e);
                }
            }
        }

        /** Records a keep-alive poll returned anyway (a partition assigned meanwhile): read again later. */
        private void rewind(ConsumerRecords<String, byte[]> stray) {
            for (TopicPartition partition : stray.partitions()) {
                consumer.seek(partition, stray.records(partition).get(0).offset());
            }
        }

        private void commit(Batch batch) {
            Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(batch.offsets);
            owned.keySet().retainAll(consumer.assignment());
            if (owned.isEmpty()) {
                return;
            }
            try {
                try {
                    consumer.commitSync(owned);
                } catch (WakeupException stopping) {
                    consumer.commitSync(owned); // woken to stop: this batch's commit still counts
                }
            } catch (KafkaException e) {
                LOG.warnf("%s: committing %s failed (%s); whoever reads them next redoes them, harmlessly", name,
                        owned, e.toString());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
            Batch batch = inFlight;
            if (batch == null || Collections.disjoint(batch.offsets.keySet(), partitions)) {
                return; // every finished batch is committed already
            }
            try {
                batch.done.get(Math.min(REVOKE_WAIT.toMillis(), settings.maxPollInterval().toMillis() / 2),
                        TimeUnit.MILLISECONDS);
                commit(batch);
            } catch (TimeoutException | ExecutionException e) {
                LOG.infof("%s: partitions %s move while a batch runs; their next owner redoes it", name, partitions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Committed now, or left to the next owner: either way never committed by this batch later, which
            // could move the group's offset back behind what the next owner (or this consumer, given them
            // again and reading from the committed offset) has done since.
            batch.offsets.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
            if (inFlight != null) {
                consumer.pause(partitions); // their turn comes after the running batch
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: nothing of them may be committed here any more.
            owned.removeAll(partitions);
            Batch batch = inFlight;
            if (batch != null) {
                batch.offsets.keySet().removeAll(partitions);
            }
        }
    }
}

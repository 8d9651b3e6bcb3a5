package dev.switchboard.ticket.outbox;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in {@code seq} order and marks them sent only after the broker
 * acknowledged them (acks=all, idempotent producer). Runs right after a change commits and, as a
 * safety net, every second ({@code switchboard.outbox.relay-every}; the built-in scheduler ticks at
 * most once a second). See {@link #trigger}.
 *
 * <p>A crash after the broker's ack but before the row is marked publishes that row again on the
 * next run: same topic, key and payload, and the same CloudEvents id ({@code ce_id}, derived from
 * the change), so consumers drop the repeat by that id (as routing does with its processed-event
 * log, and channels with the reply id). Delivery is at least once, effects exactly once.
 *
 * <p>One relay at a time across instances: each batch runs in a transaction holding a PostgreSQL
 * advisory lock, so two replicas never interleave and per-key order holds.
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "outbox-out";
    public static final String SOURCE = "/services/ticket-core";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any fixed number; the advisory lock that makes the relay single across replicas. */
    private static final long RELAY_LOCK = 5_157_001L;

    private final MutinyEmitter<byte[]> emitter;
    private final Pool pool;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, Pool pool,
                       @ConfigProperty(name = "switchboard.outbox.batch-size") int batchSize) {
        this.emitter = emitter;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${switchboard.outbox.relay-every}", delayed = "${switchboard.outbox.relay-start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return drain();
    }

    /** Publish now (after a commit) instead of at the next tick. Never blocks the caller. */
    public void trigger() {
        drain().subscribe().with(ignored -> { }, e -> LOG.warnf("outbox relay failed, the next tick retries: %s", e));
    }

    /** Publishes until nothing is left. A call while a run is going makes that run go once more. */
    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return untilEmpty()
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        trigger();
                    }
                });
    }

    private Uni<Void> untilEmpty() {
        return pool.withTransaction(this::relayBatch)
                .chain(full -> full ? untilEmpty() : Uni.createFrom().voidItem());
    }

    /** One batch in one transaction; true when the batch was full (more may be waiting). */
    private Uni<Boolean> relayBatch(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? unsent(conn).chain(batch -> publish(conn, batch))
                        : Uni.createFrom().item(false));
    }

    private Uni<List<Row>> unsent(SqlConnection conn) {
        return conn.preparedQuery("select seq, kind, topic, record_key, payload from ticket.outbox"
                        + " where sent_at is null order by seq limit $1")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /**
     * Hands the whole batch to the producer in order (it keeps per-partition order), waits for
     * every ack, then marks the acknowledged prefix: after a failed row nothing later is marked,
     * so a row is never marked sent while an earlier one of its key may still be missing.
     */
    private Uni<Boolean> publish(SqlConnection conn, List<Row> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        List<Uni<Boolean>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .chain(acked -> {
                    List<Long> sent = new ArrayList<>();
                    for (int i = 0; i < batch.size() && acked.get(i); i++) {
                        sent.add(batch.get(i).getLong("seq"));
                    }
                    if (sent.size() < batch.size()) {
                        LOG.warnf("outbox: %d of %d records not acknowledged, retrying them", batch.size() - sent.size(), batch.size());
                    }
                    return markSent(conn, sent)
                            .map(ignored -> sent.size() == batchSize);
                });
    }

    private Uni<Boolean> send(Row row) {
        byte[] payload = row.getString("payload").getBytes(StandardCharsets.UTF_8);
        // The stored JSON is sent as it is; it is read only for the CloudEvents attributes (id, type, time, subject).
        ProducerRecord<String, byte[]> record = CloudEvents.record(row.getString("topic"), row.getString("record_key"),
                read(row.getString("kind"), payload), payload, SOURCE);
        Message<byte[]> message = Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(record.topic())
                        .withKey(record.key())
                        .withHeaders(record.headers())
                        .build());
        return emitter.sendMessage(message)
                .map(ignored -> true)
                .onFailure().invoke(e -> LOG.warnf("outbox row %d not published: %s", row.getLong("seq"), e))
                .onFailure().recoverWithItem(false);
    }

    private static Object read(String kind, byte[] payload) {
        return OutboxEntry.Kind.valueOf(kind) == OutboxEntry.Kind.TICKET_EVENT
                ? Json.read(payload, TicketEvent.class)
                : Json.read(payload, OutboundMessage.class);
    }

    private static Uni<Void> markSent(SqlConnection conn, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("update ticket.outbox set sent_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(new Long[0])))
                .replaceWithVoid();
    }
}

package dev.switchboard.routing.dedup;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** Forgets what no later message can match any more: keeps both dedup tables small. */
@ApplicationScoped
public class DedupPruner {
    private static final Logger LOG = Logger.getLogger(DedupPruner.class);

    private final Pool pool;
    private final DedupConfig config;

    public DedupPruner(Pool pool, DedupConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${switchboard.routing.dedup.prune-every}", delayed = "${switchboard.routing.dedup.prune-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> prune() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Twice the window: a message may be received a little out of order with an earlier one.
        return pool.preparedQuery("DELETE FROM routing.recent_message WHERE received_at < $1")
                .execute(Tuple.of(now.minus(config.window().multipliedBy(2))))
                .invoke(result -> LOG.debugf("pruned %d recent messages", result.rowCount()))
                .chain(() -> pool.preparedQuery("DELETE FROM routing.seen_message_key WHERE seen_at < $1")
                        .execute(Tuple.of(now.minus(config.mailKeyRetention()))))
                .invoke(result -> LOG.debugf("pruned %d mail keys", result.rowCount()))
                .replaceWithVoid();
    }
}

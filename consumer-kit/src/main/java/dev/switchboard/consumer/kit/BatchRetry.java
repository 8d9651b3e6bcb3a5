package dev.switchboard.consumer.kit;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What a batch handler does with a step that fails for a reason that passes (the database or the broker
 * away): tries it again with back-off, for as long as it takes, holding its partitions. The records wait,
 * uncommitted, instead of being dead-lettered or skipped; the consumer stays in its group meanwhile.
 */
public final class BatchRetry {
    static final Duration FIRST = Duration.ofMillis(200);
    static final Duration MAX = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(BatchRetry.class);

    private BatchRetry() {
    }

    /** @param attempt subscribed again for each try: build it with {@code Uni.createFrom().deferred} */
    public static <T> Uni<T> untilDone(Uni<T> attempt, String what, int size) {
        return attempt
                .onFailure().invoke(e -> {
                    LOG.warnf("%s a batch of %d failed, retrying: %s", what, size, e.toString());
                    LOG.debug("the failure in full", e);
                })
                .onFailure().retry().withBackOff(FIRST, MAX).indefinitely();
    }
}

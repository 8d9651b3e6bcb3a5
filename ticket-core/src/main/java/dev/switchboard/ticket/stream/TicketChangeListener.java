package dev.switchboard.ticket.stream;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.tickets.TicketStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs to {@code ticket_changes}, which triggers on {@code ticket.ticket} NOTIFY at every
 * commit (migrations V6, V12: the changes of a statement in one notification), and fans the changes
 * out to this instance's SSE streams. Because the
 * database announces them, a change made through any instance reaches every instance's streams,
 * and only committed changes do. A lost connection is re-established every second.
 */
@ApplicationScoped
public class TicketChangeListener {
    static final String CHANNEL = "ticket_changes";
    private static final Logger LOG = Logger.getLogger(TicketChangeListener.class);

    private final BroadcastProcessor<QueueChange> changes = BroadcastProcessor.create();
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public TicketChangeListener(Vertx vertx,
                                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") String user,
                                @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent ignored) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(() -> LOG.debugf("listening to %s", CHANNEL))
                .handler(this::publish);
        subscriber.connect().subscribe().with(
                ok -> LOG.infof("live queue stream listening to %s", CHANNEL),
                e -> LOG.errorf("cannot LISTEN to %s, the live queue stream stays silent: %s", CHANNEL, e));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Every committed ticket change from now on; a slow client buffers its own backlog. */
    public Multi<QueueChange> changes() {
        return changes;
    }

    /** A notification holds the changes one statement made (migration V12), a single change before it. */
    private void publish(String payload) {
        try {
            if (payload.startsWith("[")) {
                new JsonArray(payload).forEach(change -> publish(change instanceof JsonObject json ? json : null, payload));
            } else {
                publish(new JsonObject(payload), payload);
            }
        } catch (RuntimeException e) {
            LOG.warnf("ignoring a ticket change notification that cannot be read: %s (%s)", payload, e);
        }
    }

    /** One change; one that cannot be read is skipped, the others of its notification still go out. */
    private void publish(JsonObject change, String payload) {
        try {
            changes.onNext(parse(change));
        } catch (RuntimeException e) {
            LOG.warnf("ignoring a ticket change that cannot be read: %s in %s (%s)", change, payload, e);
        }
    }

    static QueueChange parse(JsonObject json) {
        String slaDue = json.getString("slaDueAt");
        return new QueueChange(json.getString("kind"), UUID.fromString(json.getString("id")),
                json.getLong("number"),
                statusId(json.getString("status")), statusId(json.getString("previousStatus")),
                priorityId(json.getString("priority")),
                Channel.valueOf(json.getString("channel")).id(),
                json.getString("assignee"), json.getString("previousAssignee"), json.getString("team"),
                json.getString("previousTeam"), priorityId(json.getString("previousPriority")),
                slaDue == null ? null : OffsetDateTime.parse(slaDue).toInstant(),
                json.getLong("version"), false);
    }

    private static String priorityId(String name) {
        return name == null ? null : Priority.valueOf(name).id();
    }

    private static String statusId(String name) {
        return name == null ? null : TicketStatus.valueOf(name).id();
    }
}

package dev.switchboard.ticket.kpi;

import dev.switchboard.contract.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backlog and over-SLA gauges per channel and team. A gauge must answer at once, so a scheduled
 * query refreshes the numbers; a channel/team pair once seen stays registered and reads 0 when
 * its work is done, so a graph drops to zero instead of stopping.
 */
@ApplicationScoped
public class KpiGauges {
    private final Pool pool;
    private final MeterRegistry registry;
    private final Map<Key, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Map<Key, AtomicLong> overSla = new ConcurrentHashMap<>();

    public KpiGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    @Scheduled(every = "${switchboard.kpi.gauges-every}", delayed = "${switchboard.kpi.gauges-start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(KpiQuery.backlog()).execute()
                .invoke(rows -> {
                    Set<Key> seen = new HashSet<>();
                    for (Row row : rows) {
                        Key key = new Key(Channel.valueOf(row.getString("channel")).id(), row.getString("team"));
                        seen.add(key);
                        gauge(backlog, "switchboard.tickets.backlog", "Open tickets", key).set(row.getLong("backlog"));
                        gauge(overSla, "switchboard.tickets.over.sla", "Open tickets past an SLA due time", key)
                                .set(row.getLong("over_sla"));
                    }
                    backlog.forEach((key, value) -> {
                        if (!seen.contains(key)) {
                            value.set(0);
                        }
                    });
                    overSla.forEach((key, value) -> {
                        if (!seen.contains(key)) {
                            value.set(0);
                        }
                    });
                })
                .replaceWithVoid();
    }

    private AtomicLong gauge(Map<Key, AtomicLong> values, String name, String description, Key key) {
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("channel", k.channel())
                    .tag("team", k.team())
                    .register(registry);
            return value;
        });
    }

    private record Key(String channel, String team) {
    }
}

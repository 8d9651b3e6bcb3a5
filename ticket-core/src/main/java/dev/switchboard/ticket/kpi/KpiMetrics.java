package dev.switchboard.ticket.kpi;

import dev.switchboard.contract.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * KPI events as they happen: first response and resolution times, reopens, per channel. Called
 * after the change committed, so a rolled-back change is never counted. Registered up front so
 * dashboards see zeros. The backlog and over-SLA gauges live in {@link KpiGauges}.
 */
@Singleton
public class KpiMetrics {
    private final Map<Channel, Timer> firstResponse = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> resolution = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> reopened = new EnumMap<>(Channel.class);

    public KpiMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            firstResponse.put(channel, Timer.builder("switchboard.ticket.first.response")
                    .description("Wall-clock time from ticket creation to the first agent reply")
                    .tag("channel", channel.id())
                    .publishPercentileHistogram()
                    .register(registry));
            resolution.put(channel, Timer.builder("switchboard.ticket.resolution")
                    .description("Wall-clock time from ticket creation to solved")
                    .tag("channel", channel.id())
                    .publishPercentileHistogram()
                    .register(registry));
            reopened.put(channel, Counter.builder("switchboard.tickets.reopened")
                    .description("Solved tickets reopened by an agent or by the customer writing again")
                    .tag("channel", channel.id())
                    .register(registry));
        }
    }

    public void firstResponse(Channel channel, Instant created, Instant answered) {
        firstResponse.get(channel).record(Duration.between(created, answered));
    }

    public void solved(Channel channel, Instant created, Instant solved) {
        resolution.get(channel).record(Duration.between(created, solved));
    }

    public void reopened(Channel channel) {
        reopened.get(channel).increment();
    }
}

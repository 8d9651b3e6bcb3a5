package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Channel;
import dev.switchboard.ticket.kpi.KpiMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** Tickets created and messages stored per channel. Registered up front so dashboards see zeros. */
@Singleton
public class IntakeMetrics {
    private final Map<Channel, Counter> ticketsCreated = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> messagesStored = new EnumMap<>(Channel.class);

    private final KpiMetrics kpis;

    public IntakeMetrics(MeterRegistry registry, KpiMetrics kpis) {
        this.kpis = kpis;
        for (Channel channel : Channel.values()) {
            ticketsCreated.put(channel, Counter.builder("switchboard.tickets.created")
                    .description("Tickets opened from routed messages")
                    .tag("channel", channel.id())
                    .register(registry));
            messagesStored.put(channel, Counter.builder("switchboard.ticket.messages.stored")
                    .description("Inbound messages added to tickets (redeliveries not counted)")
                    .tag("channel", channel.id())
                    .register(registry));
        }
    }

    public void record(IntakeOutcome outcome) {
        if (outcome.ticketCreated()) {
            ticketsCreated.get(outcome.channel()).increment();
        }
        if (outcome.messageStored()) {
            messagesStored.get(outcome.channel()).increment();
        }
        if (outcome.ticketReopened()) {
            kpis.reopened(outcome.channel());
        }
    }
}

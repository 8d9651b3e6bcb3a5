package dev.switchboard.ticket.kpi;

import java.time.Instant;

/**
 * KPIs of one group (channel, team, agent or product) in one period bucket, over the tickets
 * created in it. Times are wall-clock seconds; rates are fractions 0..1; null when nothing to
 * measure (e.g. no ticket answered yet). Definitions: the ticket-core README.
 *
 * @param group       the channel id, team, agent id or product; {@code all} without grouping; null = none set
 * @param periodStart start of the day or week bucket (UTC), or the requested {@code from} without an interval
 * @param backlog     of these tickets, how many are open now
 * @param overSla     of these tickets, how many are open now and past an SLA due time
 */
public record KpiRow(
        String group,
        Instant periodStart,
        long volume,
        Double firstResponseAvgSeconds,
        Double firstResponseMedianSeconds,
        Double handlingAvgSeconds,
        Double resolutionAvgSeconds,
        Double resolutionMedianSeconds,
        Double firstContactResolutionRate,
        Double csatAverage,
        long csatCount,
        long backlog,
        long overSla,
        Double slaCompliance,
        Double reopenRate,
        Double chatAbandonRate) {
}

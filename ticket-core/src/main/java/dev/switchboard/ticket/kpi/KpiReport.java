package dev.switchboard.ticket.kpi;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/kpis}: the period asked for and one row per group and bucket. */
public record KpiReport(Instant from, Instant to, String by, String interval, List<KpiRow> rows) {
}

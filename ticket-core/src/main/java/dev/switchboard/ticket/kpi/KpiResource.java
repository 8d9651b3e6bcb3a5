package dev.switchboard.ticket.kpi;

import dev.switchboard.ticket.web.BadRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.switchboard.ticket.auth.Callers;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs", description = "Support KPIs over the tickets created in a period")
public class KpiResource {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final Kpis kpis;
    private final Callers callers;

    public KpiResource(Kpis kpis, Callers callers) {
        this.kpis = kpis;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "KPIs per channel, team, agent or product",
            description = "Over the tickets created in [from, to): volume, first response (avg, median), handling and "
                    + "resolution time, first-contact resolution, CSAT, backlog and over-SLA (open now), SLA compliance, "
                    + "reopen and chat abandon rates. Times in seconds, rates 0..1. Merged duplicates are left out. Over the "
                    + "caller's teams (an admin: all).")
    @APIResponse(responseCode = "200", description = "one row per group and bucket")
    @APIResponse(responseCode = "400", description = "bad period, grouping or interval (problem JSON)")
    public Uni<KpiReport> kpis(
            @Parameter(description = "start, inclusive: ISO instant or date (UTC midnight); default to - 7 days")
            @RestQuery String from,
            @Parameter(description = "end, exclusive: ISO instant or date (UTC midnight); default now")
            @RestQuery String to,
            @Parameter(description = "grouping; none for one row", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"channel", "team", "agent", "product"}))
            @RestQuery String by,
            @Parameter(description = "one row per day or ISO week (UTC) of creation", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"day", "week"}))
            @RestQuery String interval) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new BadRequestException("the period may span at most 366 days");
        }
        KpiQuery.By grouping = parse("by", by, () -> KpiQuery.By.parse(by));
        KpiQuery.Interval bucket = parse("interval", interval, () -> KpiQuery.Interval.parse(interval));
        // Over the caller's teams only, like the queue: an agent sees their teams' figures.
        return callers.current()
                .chain(caller -> kpis.rows(start, end, grouping, bucket, caller.scope()))
                .map(rows -> new KpiReport(start, end, grouping.name().toLowerCase(Locale.ROOT),
                        bucket.name().toLowerCase(Locale.ROOT), rows));
    }

    private static Instant instant(String name, String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO instant or date, got '" + value + "'");
        }
    }

    private static <T> T parse(String name, String value, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown " + name + ": '" + value + "'");
        }
    }
}

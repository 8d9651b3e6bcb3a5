package dev.switchboard.ticket.sla;

import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/**
 * Looks at the running SLA clocks every few seconds: marks the ones near their due time as
 * warned (shown in the API) and publishes {@code SlaBreached} for the ones past it, once per
 * ticket and target: the breach flag and the event are written in one transaction, and rows are
 * locked so two replicas never both publish.
 */
@ApplicationScoped
public class SlaWatch {
    /** Breaches handled per target and tick; the next tick takes the rest. */
    static final int BATCH = 100;

    private final TicketRepository tickets;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SlaConfig config;

    public SlaWatch(TicketRepository tickets, Outbox outbox, OutboxRelay relay, SlaConfig config) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    @Scheduled(every = "${switchboard.sla.watch.every}", delayed = "${switchboard.sla.watch.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> warn(SlaTarget.FIRST_RESPONSE, now)
                        .chain(() -> warn(SlaTarget.RESOLUTION, now))
                        .chain(() -> breach(SlaTarget.FIRST_RESPONSE, now))
                        .chain(() -> breach(SlaTarget.RESOLUTION, now)))
                .invoke(relay::trigger)
                .replaceWithVoid();
    }

    /** One statement: every running clock within the warning window gets its warning time. */
    private Uni<Integer> warn(SlaTarget target, Instant now) {
        String column = column(target);
        String sql = "update ticket.ticket set " + column + "_warned_at = :now"
                + " where " + column + "_warned_at is null and " + column + "_due_at <= :threshold"
                + running(target);
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("now", now)
                .setParameter("threshold", now.plus(config.watch().warnBefore()))
                .executeUpdate());
    }

    private Uni<Void> breach(SlaTarget target, Instant now) {
        String field = target == SlaTarget.FIRST_RESPONSE ? "firstResponse" : "resolution";
        String stop = target == SlaTarget.FIRST_RESPONSE ? " and firstResponseAt is null" : "";
        return tickets.find("status in ?1 and slaPausedAt is null" + stop + " and " + field + "BreachedAt is null and "
                        + field + "DueAt <= ?2", TicketStatus.OPEN_STATUSES, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, BATCH - 1)
                .list()
                .chain(due -> publishEach(due, target, now));
    }

    private Uni<Void> publishEach(List<Ticket> due, SlaTarget target, Instant now) {
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(ticket -> markBreached(ticket, target, now)
                        .chain(() -> outbox.add(TicketEvents.slaBreached(ticket, target.id(), dueAt(ticket, target), now))))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<Integer> markBreached(Ticket ticket, SlaTarget target, Instant now) {
        String sql = "update ticket.ticket set " + column(target) + "_breached_at = :now where id = :id";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("now", now)
                .setParameter("id", ticket.id)
                .executeUpdate());
    }

    private static Instant dueAt(Ticket ticket, SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? ticket.firstResponseDueAt : ticket.resolutionDueAt;
    }

    private static String running(SlaTarget target) {
        String stop = target == SlaTarget.FIRST_RESPONSE ? " and first_response_at is null" : "";
        return " and sla_paused_at is null and status not in ('SOLVED', 'CLOSED')" + stop;
    }

    private static String column(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? "first_response" : "resolution";
    }
}

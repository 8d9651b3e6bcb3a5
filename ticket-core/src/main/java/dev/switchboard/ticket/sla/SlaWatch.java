package dev.switchboard.ticket.sla;

import dev.switchboard.contract.ticket.TicketEvent;
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
import java.util.function.Function;

/**
 * Looks at the running SLA clocks every few seconds: publishes {@code SlaWarning} for the ones
 * within the warning lead time of their due time (and marks them, shown in the API) and
 * {@code SlaBreached} for the ones past it, each once per clock: the mark and the event are
 * written in one transaction, and rows are locked so two replicas never both publish. A
 * next-response clock runs once per cycle, so its marks and event ids name the cycle.
 */
@ApplicationScoped
public class SlaWatch {
    /** Tickets handled per target, step and tick; the next tick takes the rest. */
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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        Instant now = Instant.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SlaTarget target : SlaTarget.values()) {
            chain = chain.chain(() -> warn(target, now));
        }
        for (SlaTarget target : SlaTarget.values()) {
            chain = chain.chain(() -> breach(target, now));
        }
        Uni<Void> all = chain;
        return Panache.withTransaction(() -> all)
                .invoke(relay::trigger)
                .replaceWithVoid();
    }

    private Uni<Void> warn(SlaTarget target, Instant now) {
        return due(target, Clock.of(target).notWarned(), now.plus(config.watch().warnBefore()))
                .chain(list -> each(list, ticket -> mark(ticket, target, "warned", now)
                        // A clock already past its due time gets its breach in this same tick: that says more.
                        .chain(() -> dueAt(ticket, target).isAfter(now)
                                ? outbox.add(warning(ticket, target, now)) : Uni.createFrom().voidItem())));
    }

    private Uni<Void> breach(SlaTarget target, Instant now) {
        return due(target, Clock.of(target).notBreached(), now)
                .chain(list -> each(list, ticket -> mark(ticket, target, "breached", now)
                        .chain(() -> outbox.add(breached(ticket, target, now)))));
    }

    /** Open tickets whose clock of this target runs, is not yet marked, and is due by {@code by}; locked. */
    private Uni<List<Ticket>> due(SlaTarget target, String notMarked, Instant by) {
        Clock clock = Clock.of(target);
        return tickets.find("status in ?1 and slaPausedAt is null and " + clock.running() + " and " + notMarked
                        + " and " + clock.dueField() + " <= ?2", TicketStatus.OPEN_STATUSES, by)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, BATCH - 1)
                .list();
    }

    private static Uni<Void> each(List<Ticket> list, Function<Ticket, Uni<Void>> action) {
        return Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(ticket -> action.apply(ticket))
                .collect().last()
                .replaceWithVoid();
    }

    /** Columns the watch job alone writes: an agent's save of the ticket never clears them. */
    private static Uni<Void> mark(Ticket ticket, SlaTarget target, String what, Instant now) {
        String column = Clock.of(target).column() + "_" + what;
        String cycle = target == SlaTarget.NEXT_RESPONSE ? ", " + column + "_cycle = :cycle" : "";
        String sql = "update ticket.ticket set " + column + "_at = :now" + cycle + " where id = :id";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql)
                    .setParameter("now", now)
                    .setParameter("id", ticket.id);
            if (target == SlaTarget.NEXT_RESPONSE) {
                query.setParameter("cycle", ticket.nextResponseCycle);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static TicketEvent warning(Ticket ticket, SlaTarget target, Instant now) {
        return TicketEvents.slaWarning(ticket, clockId(ticket, target), target.id(), dueAt(ticket, target), now);
    }

    private static TicketEvent breached(Ticket ticket, SlaTarget target, Instant now) {
        return TicketEvents.slaBreached(ticket, clockId(ticket, target), target.id(), dueAt(ticket, target), now);
    }

    /** Names one run of a clock: first response and resolution run once, next response once per cycle. */
    private static String clockId(Ticket ticket, SlaTarget target) {
        return target == SlaTarget.NEXT_RESPONSE ? target.id() + ":" + ticket.nextResponseCycle : target.id();
    }

    private static Instant dueAt(Ticket ticket, SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> ticket.firstResponseDueAt;
            case NEXT_RESPONSE -> ticket.nextResponseDueAt;
            case RESOLUTION -> ticket.resolutionDueAt;
        };
    }

    /** How each clock looks in the entity (HQL) and in its column names. */
    private record Clock(String column, String dueField, String running, String notWarned, String notBreached) {
        static Clock of(SlaTarget target) {
            return switch (target) {
                case FIRST_RESPONSE -> new Clock("first_response", "firstResponseDueAt", "firstResponseAt is null",
                        "firstResponseWarnedAt is null", "firstResponseBreachedAt is null");
                case NEXT_RESPONSE -> new Clock("next_response", "nextResponseDueAt",
                        "nextResponseDueAt is not null and nextResponseStoppedAt is null",
                        "nextResponseWarnedCycle < nextResponseCycle", "nextResponseBreachedCycle < nextResponseCycle");
                case RESOLUTION -> new Clock("resolution", "resolutionDueAt", "resolutionDueAt is not null",
                        "resolutionWarnedAt is null", "resolutionBreachedAt is null");
            };
        }
    }
}

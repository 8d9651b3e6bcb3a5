package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.auth.TeamScope;
import dev.switchboard.ticket.web.ConflictException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** The open tickets of these conversations, in one query (an intake batch asks for all of its own at once). */
    public Uni<List<Ticket>> findOpen(Collection<String> conversationKeys) {
        return conversationKeys.isEmpty() ? Uni.createFrom().item(List.of())
                : list("conversationKey in ?1 and status in ?2", conversationKeys, TicketStatus.OPEN_STATUSES);
    }

    /**
     * The ticket a command changes. With an expected version (the agent's {@code If-Match}) a
     * ticket changed since the agent read it is refused; without, the version check at flush
     * still refuses a write that raced another one.
     */
    public Uni<Ticket> forChange(UUID id, Long expectedVersion) {
        return forChange(id, expectedVersion, TeamScope.everything());
    }

    /**
     * As {@link #forChange(UUID, Long)}, for a caller who sees only {@code scope}: a ticket outside it fails
     * as unknown, before its version is compared, so neither answer tells that it exists. Checked on the row
     * the change is made to, in the change's transaction.
     */
    public Uni<Ticket> forChange(UUID id, Long expectedVersion, TeamScope scope) {
        return findById(id)
                .map(ticket -> ticket != null && scope.covers(ticket.team) ? ticket : null)
                .onItem().ifNull().failWith(() -> new TicketNotFoundException(id))
                .invoke(ticket -> {
                    if (expectedVersion != null && ticket.version != expectedVersion) {
                        throw new ConflictException("stale-ticket", "the ticket is at version " + ticket.version
                                + ", the request expected " + expectedVersion + "; reload it and try again");
                    }
                });
    }

    /**
     * The most recent ticket (by creation time, then number) of each of these conversations, whatever
     * its status, in one query; a conversation without tickets has none.
     */
    public Uni<List<Ticket>> findLatest(Collection<String> conversationKeys) {
        return conversationKeys.isEmpty() ? Uni.createFrom().item(List.of())
                : list("from Ticket t where t.conversationKey in ?1 and not exists (from Ticket later"
                        + " where later.conversationKey = t.conversationKey and (later.createdAt > t.createdAt"
                        + " or (later.createdAt = t.createdAt and later.number > t.number)))", conversationKeys);
    }

    /** Ticket numbers come from a database sequence: unique across instances, never reused. */
    public Uni<Long> nextNumber() {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select nextval('ticket.ticket_number_seq')", Long.class)
                        .getSingleResult());
    }

    /** {@code count} numbers from the sequence in one round trip, ascending. */
    public Uni<List<Long>> nextNumbers(int count) {
        return count <= 0 ? Uni.createFrom().item(List.of())
                : Panache.getSession()
                        .chain(session -> session
                                .createNativeQuery("select nextval('ticket.ticket_number_seq') from generate_series(1, ?1)",
                                        Long.class)
                                .setParameter(1, count)
                                .getResultList())
                        .map(numbers -> numbers.stream().sorted().toList());
    }

    /**
     * Open tickets within the caller's teams, most urgent first, then the SLA due first, then the
     * longest waiting. Null filters are ignored. See {@link QueueQuery} for why the SQL is native.
     */
    public Uni<List<Ticket>> queue(TeamScope scope, Set<TicketStatus> statuses, Channel channel, Priority priority,
                                   String assignee, int limit) {
        QueueQuery page = QueueQuery.of(scope, statuses, channel, priority, assignee, limit);
        if (page.sql() == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> {
            // Read-only: the page is mapped and dropped, so Hibernate keeps no snapshots to dirty-check.
            var query = session.createNativeQuery(page.sql(), Ticket.class).setReadOnly(true);
            page.parameters().forEach(query::setParameter);
            return query.getResultList();
        });
    }
}

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
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** The ticket a new message of this conversation joins; null when none is open. */
    public Uni<Ticket> findOpen(String conversationKey) {
        return find("conversationKey = ?1 and status in ?2", conversationKey, TicketStatus.OPEN_STATUSES)
                .firstResult();
    }

    /**
     * The ticket a command changes. With an expected version (the agent's {@code If-Match}) a
     * ticket changed since the agent read it is refused; without, the version check at flush
     * still refuses a write that raced another one.
     */
    public Uni<Ticket> forChange(UUID id, Long expectedVersion) {
        return findById(id)
                .onItem().ifNull().failWith(() -> new TicketNotFoundException(id))
                .invoke(ticket -> {
                    if (expectedVersion != null && ticket.version != expectedVersion) {
                        throw new ConflictException("stale-ticket", "the ticket is at version " + ticket.version
                                + ", the request expected " + expectedVersion + "; reload it and try again");
                    }
                });
    }

    /** The most recent ticket of a conversation, whatever its status; null when there is none. */
    public Uni<Ticket> findLatest(String conversationKey) {
        return find("conversationKey", Sort.descending("createdAt").and("number", Sort.Direction.Descending), conversationKey)
                .firstResult();
    }

    /** Ticket numbers come from a database sequence: unique across instances, never reused. */
    public Uni<Long> nextNumber() {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select nextval('ticket.ticket_number_seq')", Long.class)
                        .getSingleResult());
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

package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /** Ticket numbers come from a database sequence: unique across instances, never reused. */
    public Uni<Long> nextNumber() {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select nextval('ticket.ticket_number_seq')", Long.class)
                        .getSingleResult());
    }

    /** Open tickets, most urgent first, then the longest waiting. Null filters are ignored. */
    public Uni<List<Ticket>> queue(Set<TicketStatus> statuses, Channel channel, String assignee, int limit) {
        StringBuilder query = new StringBuilder("status in :statuses");
        Parameters params = Parameters.with("statuses", statuses);
        if (channel != null) {
            query.append(" and channel = :channel");
            params = params.and("channel", channel);
        }
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            params = params.and("assignee", assignee);
        }
        return find(query.toString(), Sort.by("priorityRank").and("createdAt").and("number"), params)
                .range(0, limit - 1)
                .list();
    }
}

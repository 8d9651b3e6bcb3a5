package dev.switchboard.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TicketMessageRepository implements PanacheRepositoryBase<TicketMessage, UUID> {

    /** The conversation as it happened: by receipt time, ties broken by when we stored them. */
    public Uni<List<TicketMessage>> forTicket(UUID ticketId) {
        return list("ticketId", Sort.by("receivedAt").and("storedAt"), ticketId);
    }
}

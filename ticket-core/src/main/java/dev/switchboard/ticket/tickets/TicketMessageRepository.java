package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TicketMessageRepository implements PanacheRepositoryBase<TicketMessage, UUID> {

    /** The stored messages among these ids, in one query (an intake batch asks for all of its own at once). */
    public Uni<List<TicketMessage>> findAllById(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** The customer's latest message on a channel: the one a reply there answers. Null if none. */
    public Uni<TicketMessage> lastInbound(UUID ticketId, Channel channel) {
        return find("ticketId = ?1 and direction = ?2 and channel = ?3",
                Sort.descending("receivedAt"), ticketId, TicketMessage.Direction.INBOUND, channel)
                .firstResult();
    }

    /** Our message a provider reports on; null when no outbound message has that provider id. */
    public Uni<TicketMessage> outboundByProviderId(Channel channel, String providerMessageId) {
        return find("channel = ?1 and providerMessageId = ?2 and direction = ?3",
                channel, providerMessageId, TicketMessage.Direction.OUTBOUND)
                .firstResult();
    }

    /** The conversation as it happened: by receipt time, ties broken by when we stored them. */
    public Uni<List<TicketMessage>> forTicket(UUID ticketId) {
        return list("ticketId", Sort.by("receivedAt").and("storedAt"), ticketId);
    }
}

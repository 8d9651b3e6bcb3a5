package dev.switchboard.ticket.tickets;

import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.csat.Surveys;
import dev.switchboard.ticket.web.Requests;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final Surveys surveys;

    public TicketResource(TicketRepository tickets, TicketMessageRepository messages, Surveys surveys) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** The id is taken as text: a UUID parameter would turn a malformed id into a bare 404. */
    @GET
    @Path("/{id}")
    @WithSession
    public Uni<TicketDetail> ticket(@RestPath String id) {
        UUID ticketId = Requests.ticketId(id);
        return tickets.findById(ticketId)
                .onItem().ifNull().failWith(() -> new TicketNotFoundException(ticketId))
                .chain(ticket -> messages.forTicket(ticket.id)
                        .chain(list -> surveys.answerOf(ticket.id)
                                .map(csat -> TicketMapper.toDetail(ticket, list, csat))));
    }
}

package dev.switchboard.ticket.replies;

import dev.switchboard.ticket.auth.Callers;
import dev.switchboard.ticket.api.MessageView;
import dev.switchboard.ticket.api.TicketCommands;
import dev.switchboard.ticket.web.Requests;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** What agents write on a ticket: replies to the customer and internal notes. Both answer 201. */
@Path("/api/tickets/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReplyResource {
    private final Replies replies;
    private final Callers callers;

    public ReplyResource(Replies replies, Callers callers) {
        this.replies = replies;
        this.callers = callers;
    }

    @POST
    @Path("/replies")
    @ResponseStatus(201)
    public Uni<MessageView> reply(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                  TicketCommands.Reply body) {
        TicketCommands.Reply reply = Requests.body(body);
        return callers.current().chain(caller -> replies.reply(Requests.ticketId(id), reply.text(), reply.channel(),
                caller.name(), Requests.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/notes")
    @ResponseStatus(201)
    public Uni<MessageView> note(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                 TicketCommands.Note body) {
        String text = Requests.body(body).text();
        return callers.current().chain(caller -> replies.note(Requests.ticketId(id), text, caller.name(),
                Requests.expectedVersion(ifMatch)));
    }
}

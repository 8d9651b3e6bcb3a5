package dev.switchboard.ticket.workflow;

import dev.switchboard.ticket.api.TicketCommands;
import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.auth.Callers;
import dev.switchboard.ticket.auth.Roles;
import dev.switchboard.ticket.web.Requests;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Status, escalation, priority, assignment, transfer to a team, tags. Any agent of the ticket's team
 * changes status and escalates (with a reason); only supervisors and admins change priority or hand a
 * ticket to someone else; an agent may take a ticket themselves. Each answers the changed ticket; {@code If-Match} with the
 * version an agent saw turns a change made on a stale view into a 409.
 */
@Path("/api/tickets/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TicketCommandResource {
    private final TicketChanges changes;
    private final Callers callers;

    public TicketCommandResource(TicketChanges changes, Callers callers) {
        this.changes = changes;
        this.callers = callers;
    }

    @POST
    @Path("/status")
    public Uni<TicketDetail> status(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                    TicketCommands.StatusChange body) {
        String status = Requests.body(body).status();
        return callers.current().chain(caller -> changes.changeStatus(Requests.ticketId(id), status, caller,
                Requests.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/escalate")
    public Uni<TicketDetail> escalate(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                      TicketCommands.Escalation body) {
        String reason = Requests.body(body).reason();
        return callers.current().chain(caller -> changes.escalate(Requests.ticketId(id), reason, caller,
                Requests.expectedVersion(ifMatch)));
    }

    /** Priority sets the SLA targets: an agent could loosen their own clock, so only leads change it. */
    @POST
    @Path("/priority")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketDetail> priority(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                      TicketCommands.PriorityChange body) {
        String priority = Requests.body(body).priority();
        return callers.current().chain(caller -> changes.reprioritise(Requests.ticketId(id), priority, caller,
                Requests.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/assign")
    public Uni<TicketDetail> assign(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                    TicketCommands.Assignment body) {
        TicketCommands.Assignment assignment = Requests.body(body);
        return callers.current()
                .chain(caller -> changes.assign(Requests.ticketId(id), assignment.agentId(), assignment.team(), caller,
                        Requests.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/transfer")
    public Uni<TicketDetail> transfer(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                      TicketCommands.Transfer body) {
        TicketCommands.Transfer transfer = Requests.body(body);
        return callers.current().chain(caller -> changes.transfer(Requests.ticketId(id), transfer.team(),
                transfer.agentId(), caller, Requests.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/tags")
    public Uni<TicketDetail> tags(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                  TicketCommands.TagChange body) {
        TicketCommands.TagChange change = Requests.body(body);
        return callers.current().chain(caller -> changes.tag(Requests.ticketId(id), change.add(), change.remove(),
                caller, Requests.expectedVersion(ifMatch)));
    }
}

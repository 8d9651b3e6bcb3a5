package dev.switchboard.ticket.merge;

import dev.switchboard.ticket.auth.Callers;
import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.web.BadRequestException;
import dev.switchboard.ticket.web.Requests;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/tickets/{id}/merge")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {
    private final TicketMerges merges;
    private final Callers callers;

    public MergeResource(TicketMerges merges, Callers callers) {
        this.merges = merges;
        this.callers = callers;
    }

    /** @param targetId the ticket that stays */
    public record MergeRequest(String targetId) {
    }

    @POST
    @Operation(summary = "Merge this duplicate ticket into another one",
            description = "Moves the messages to the target, closes this ticket with a note 'Merged into #N' and "
                    + "notes the merge on the target. Answers the target.")
    @APIResponse(responseCode = "200", description = "the target ticket with all messages")
    @APIResponse(responseCode = "404", description = "either ticket unknown")
    @APIResponse(responseCode = "409", description = "a ticket is closed, or they belong to different contacts")
    public Uni<TicketDetail> merge(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, MergeRequest body) {
        String target = Requests.body(body).targetId();
        if (target == null || target.isBlank()) {
            throw new BadRequestException("targetId is required");
        }
        // The duplicate passed the visibility filter; the target must be the caller's to see too.
        return callers.current().chain(caller -> merges.merge(Requests.ticketId(id), Requests.ticketId(target),
                Requests.expectedVersion(ifMatch), caller));
    }
}

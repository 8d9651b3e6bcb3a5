package dev.switchboard.ticket.bulk;

import dev.switchboard.ticket.auth.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/tickets/bulk")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BulkResource {
    private final BulkActions bulk;
    private final Callers callers;

    public BulkResource(BulkActions bulk, Callers callers) {
        this.bulk = bulk;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "One action on many tickets",
            description = "Each ticket changes in its own transaction; the answer lists per id the status the single "
                    + "command would have answered (200, 400, 404, 409) and the reason when it did not change.")
    @APIResponse(responseCode = "200", description = "per-ticket results, also when some failed")
    @APIResponse(responseCode = "400", description = "no ids, more than 100, unknown action or bad value")
    @APIResponse(responseCode = "403", description = "priority by an agent (supervisors and admins only)")
    public Uni<BulkResult> apply(BulkRequest request) {
        return callers.current().chain(caller -> bulk.apply(request, caller));
    }
}

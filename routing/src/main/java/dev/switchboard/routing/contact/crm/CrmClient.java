package dev.switchboard.routing.contact.crm;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The external CRM over HTTP; see {@link CrmContact} for the wire format. Built only when a URL is set. */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
public interface CrmClient {

    @GET
    Uni<CrmContact> byEmail(@QueryParam("email") String email);

    @GET
    Uni<CrmContact> byPhone(@QueryParam("phone") String phone);
}

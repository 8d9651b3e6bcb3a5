package dev.switchboard.ticket.web;

import dev.switchboard.ticket.api.Problem;
import dev.switchboard.ticket.tickets.TicketNotFoundException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One mapper per failure, each answering with problem JSON. */
public class ProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(TicketNotFoundException e) {
        return problem(Response.Status.NOT_FOUND, "ticket-not-found", "Ticket not found", e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badRequest(BadRequestException e) {
        return problem(Response.Status.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    private static RestResponse<Problem> problem(Response.Status status, String type, String title, String detail) {
        Problem body = new Problem(URI.create("https://switchboard.dev/problems/" + type), title, status.getStatusCode(), detail);
        return RestResponse.ResponseBuilder.create(status, body).type(Problem.MEDIA_TYPE).build();
    }
}

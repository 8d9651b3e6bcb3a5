package dev.switchboard.ticket.web;

import dev.switchboard.ticket.api.Problem;
import dev.switchboard.ticket.tickets.TicketNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.hibernate.StaleObjectStateException;
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

    @ServerExceptionMapper
    public RestResponse<Problem> conflict(ConflictException e) {
        return problem(Response.Status.CONFLICT, e.type(), "Conflict", e.getMessage());
    }

    /** Someone else changed the ticket between our read and our write (the version check failed). */
    @ServerExceptionMapper({StaleObjectStateException.class, OptimisticLockException.class})
    public RestResponse<Problem> stale(Exception e) {
        return problem(Response.Status.CONFLICT, "stale-ticket", "Conflict",
                "the ticket was changed by someone else meanwhile; reload it and try again");
    }

    /** A problem JSON answer; also used by the authentication answers in {@code auth}. */
    public static RestResponse<Problem> problem(Response.Status status, String type, String title, String detail) {
        Problem body = new Problem(URI.create("https://switchboard.dev/problems/" + type), title, status.getStatusCode(), detail);
        return RestResponse.ResponseBuilder.create(status, body).type(Problem.MEDIA_TYPE).build();
    }
}

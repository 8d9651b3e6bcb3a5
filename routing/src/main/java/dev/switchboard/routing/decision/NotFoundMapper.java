package dev.switchboard.routing.decision;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** 404 as RFC 9457 problem JSON, like every other error of the API. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException e) {
        return Response.status(404)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", e.getMessage() == null ? "not found" : e.getMessage()))
                .build();
    }
}

package dev.switchboard.routing.decision;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** 400 as RFC 9457 problem JSON, with the reason. */
@Provider
public class BadRequestMapper implements ExceptionMapper<BadRequestException> {

    @Override
    public Response toResponse(BadRequestException e) {
        return Response.status(400)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", e.getMessage() == null ? "bad request" : e.getMessage()))
                .build();
    }
}

package dev.switchboard.routing.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 as problem JSON, with the reason. */
@Provider
public class BadRequestMapper implements ExceptionMapper<BadRequestException> {

    @Override
    public Response toResponse(BadRequestException e) {
        return Problems.response(400, "Bad Request", e.getMessage() == null ? "bad request" : e.getMessage(), null);
    }
}

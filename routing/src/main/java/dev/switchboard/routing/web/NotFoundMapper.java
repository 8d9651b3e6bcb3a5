package dev.switchboard.routing.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 as RFC 9457 problem JSON, like every other error of the API. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException e) {
        return Problems.response(404, "Not Found", e.getMessage() == null ? "not found" : e.getMessage(), null);
    }
}

package dev.switchboard.routing.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 problem JSON for well-formed JSON of the wrong shape; replaces Quarkus' plain-JSON default. */
@Provider
public class MismatchedBodyMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
        return Problems.response(400, "Unreadable body", e.getOriginalMessage(), null);
    }
}

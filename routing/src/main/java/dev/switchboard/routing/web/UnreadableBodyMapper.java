package dev.switchboard.routing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 problem JSON for a body that is not the JSON expected ("boost": "lots"). */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return Problems.response(400, "Unreadable body", e.getOriginalMessage(), null);
    }
}

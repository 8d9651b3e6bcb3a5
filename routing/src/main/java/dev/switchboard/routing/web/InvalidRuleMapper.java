package dev.switchboard.routing.web;

import dev.switchboard.routing.classify.InvalidRuleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with every problem of a rule (unknown priority, bad regex, no condition, ...). */
@Provider
public class InvalidRuleMapper implements ExceptionMapper<InvalidRuleException> {

    @Override
    public Response toResponse(InvalidRuleException e) {
        return Problems.response(400, "Invalid rule", e.getMessage(), e.problems());
    }
}

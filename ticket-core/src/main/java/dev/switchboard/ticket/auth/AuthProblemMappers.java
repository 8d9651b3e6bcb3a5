package dev.switchboard.ticket.auth;

import dev.switchboard.ticket.api.Problem;
import dev.switchboard.ticket.web.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 (no token, or one that does not verify) and 403 (a valid token without the needed role) as
 * problem JSON. They reach these mappers because authentication is lazy and the {@code /api/*}
 * policy is checked inside the REST layer (see application.properties).
 */
public class AuthProblemMappers {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(RuntimeException e) {
        RestResponse<Problem> problem = ProblemMappers.problem(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "a valid bearer token is required (Authorization: Bearer <token>)");
        return RestResponse.ResponseBuilder.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return ProblemMappers.problem(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                e.getMessage() == null || e.getMessage().isBlank() ? "your role does not allow this" : e.getMessage());
    }
}

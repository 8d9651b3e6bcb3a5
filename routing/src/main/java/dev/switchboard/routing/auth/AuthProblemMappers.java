package dev.switchboard.routing.auth;

import dev.switchboard.routing.web.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 (no token, or one that does not verify) and 403 (no role for this) as problem JSON. They reach
 * these mappers because authentication is lazy and the {@code /api/*} policy is checked inside the
 * REST layer (see application.properties).
 */
public class AuthProblemMappers {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        Response problem = Problems.response(401, "Unauthorized",
                "a valid bearer token is required (Authorization: Bearer <token>)", null);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "Forbidden",
                e.getMessage() == null || e.getMessage().isBlank() ? "your role does not allow this" : e.getMessage(), null);
    }
}

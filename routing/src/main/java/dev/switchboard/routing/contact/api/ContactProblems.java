package dev.switchboard.routing.contact.api;

import dev.switchboard.routing.contact.ContactConflictException;
import dev.switchboard.routing.contact.identity.InvalidIdentityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Contact failures as RFC 9457 problem JSON, like the 404s of {@code NotFoundMapper}. */
public final class ContactProblems {
    private ContactProblems() {
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail))
                .build();
    }

    /** A bad email, phone, identity or field: 400 with the reason. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidIdentityException> {
        @Override
        public Response toResponse(InvalidIdentityException e) {
            return problem(400, "Bad Request", e.getMessage());
        }
    }

    /** An identity owned by another contact, a merge undone twice: 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<ContactConflictException> {
        @Override
        public Response toResponse(ContactConflictException e) {
            return problem(409, "Conflict", e.getMessage());
        }
    }
}

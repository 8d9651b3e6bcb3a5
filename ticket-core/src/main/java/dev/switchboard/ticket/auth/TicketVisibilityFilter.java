package dev.switchboard.ticket.auth;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one gate for every request on one ticket, {@code /api/tickets/{id}} and anything below it,
 * including endpoints added later: a ticket outside the caller's teams fails as "not found" (404),
 * exactly like a ticket that does not exist, so its existence does not leak.
 */
public class TicketVisibilityFilter {
    private static final Pattern ONE_TICKET = Pattern.compile("^/api/tickets/([^/]+)(/.*)?$");

    private final Callers callers;
    private final TicketTeams teams;

    public TicketVisibilityFilter(Callers callers, TicketTeams teams) {
        this.callers = callers;
        this.teams = teams;
    }

    @ServerRequestFilter
    public Uni<Void> onlyTicketsOfTheCallersTeams(ContainerRequestContext request) {
        Matcher matcher = ONE_TICKET.matcher(request.getUriInfo().getPath());
        if (!matcher.matches()) {
            return Uni.createFrom().voidItem();
        }
        UUID id;
        try {
            id = UUID.fromString(matcher.group(1));
        } catch (IllegalArgumentException malformed) {
            return Uni.createFrom().voidItem(); // the resource answers 400; nothing to leak
        }
        return callers.current()
                .chain(caller -> caller.name().isEmpty()
                        ? Uni.createFrom().voidItem() // anonymous: the /api policy answers 401
                        : teams.requireVisible(caller, id));
    }
}

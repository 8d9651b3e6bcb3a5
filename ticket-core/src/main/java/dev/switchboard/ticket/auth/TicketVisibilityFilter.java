package dev.switchboard.ticket.auth;

import dev.switchboard.ticket.tickets.TicketNotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
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
    private final Pool database;

    public TicketVisibilityFilter(Callers callers, Pool database) {
        this.callers = callers;
        this.database = database;
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
                        : database.preparedQuery("select team from ticket.ticket where id = $1")
                                .execute(Tuple.of(id))
                                .invoke(rows -> refuseUnlessVisible(rows, caller, id))
                                .replaceWithVoid());
    }

    private static void refuseUnlessVisible(RowSet<Row> rows, Caller caller, UUID id) {
        if (rows.iterator().hasNext() && !caller.scope().covers(rows.iterator().next().getString("team"))) {
            throw new TicketNotFoundException(id);
        }
    }
}

package dev.switchboard.ticket.auth;

import dev.switchboard.ticket.tickets.TicketNotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whether a caller may see one ticket: one small query for its team. A ticket outside the caller's
 * teams fails exactly like an unknown one ({@link TicketNotFoundException}), so its existence does
 * not leak; an unknown ticket passes, for the command to answer 404 itself.
 */
@ApplicationScoped
public class TicketTeams {
    private final Pool database;

    public TicketTeams(Pool database) {
        this.database = database;
    }

    public Uni<Void> requireVisible(Caller caller, UUID ticketId) {
        return database.preparedQuery("select team from ticket.ticket where id = $1")
                .execute(Tuple.of(ticketId))
                .invoke(rows -> {
                    if (rows.iterator().hasNext() && !caller.scope().covers(rows.iterator().next().getString("team"))) {
                        throw new TicketNotFoundException(ticketId);
                    }
                })
                .replaceWithVoid();
    }
}

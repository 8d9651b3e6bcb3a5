package dev.switchboard.ticket.bulk;

import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.auth.Caller;
import dev.switchboard.ticket.tickets.TicketNotFoundException;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.web.BadRequestException;
import dev.switchboard.ticket.web.ConflictException;
import dev.switchboard.ticket.web.Requests;
import dev.switchboard.ticket.workflow.Tags;
import dev.switchboard.ticket.workflow.TicketChanges;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import io.quarkus.security.ForbiddenException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.StaleObjectStateException;

/**
 * Applies one action to many tickets, each in its own transaction through the same command as the
 * single-ticket API: one ticket that cannot change (solved already, changed meanwhile, unknown) does
 * not hold back the others, and its reason is reported with its id. Tickets run one after another,
 * so a bulk action takes one database connection at a time.
 */
@ApplicationScoped
public class BulkActions {
    public static final int MAX_TICKETS = 100;

    private final TicketChanges changes;

    public BulkActions(TicketChanges changes) {
        this.changes = changes;
    }

    /**
     * The same rules as the single-ticket commands: a ticket outside the caller's teams is "not found"
     * (404 for that id; the command checks it on the row it loads, so each ticket is read once); priority needs a supervisor or admin (the whole request 403); an agent
     * assigns only to themselves (403 for that id).
     */
    public Uni<BulkResult> apply(BulkRequest request, Caller caller) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw new BadRequestException("ids are required");
        }
        if (request.ids().size() > MAX_TICKETS) {
            throw new BadRequestException("at most " + MAX_TICKETS + " tickets per bulk action");
        }
        String action = request.action() == null ? "" : request.action().strip().toLowerCase(Locale.ROOT);
        if (action.equals("priority") && !caller.leads()) {
            throw new ForbiddenException("only a supervisor or admin changes priorities");
        }
        Function<UUID, Uni<TicketDetail>> command = command(action, request.value(), caller);
        List<String> ids = request.ids().stream().distinct().toList();
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> one(id, command))
                .collect().asList()
                .map(items -> {
                    int ok = (int) items.stream().filter(BulkResult.Item::ok).count();
                    return new BulkResult(action, ok, items.size() - ok, items);
                });
    }

    /** The value is checked once, up front: a bad value is the whole request's mistake (400), not each ticket's. */
    private Function<UUID, Uni<TicketDetail>> command(String action, String value, Caller caller) {
        String v = value == null ? null : value.strip();
        switch (action) {
            case "status":
                checked(() -> TicketStatus.fromId(required(v)));
                return id -> changes.changeStatus(id, v, caller, null);
            case "priority":
                checked(() -> Priority.fromId(required(v)));
                return id -> changes.reprioritise(id, v, caller, null);
            case "assign":
                required(v);
                return id -> changes.assign(id, v, null, caller, null);
            case "transfer":
                required(v);
                return id -> changes.transfer(id, v, null, caller, null);
            case "tag":
                List<String> add = Tags.normalise(List.of(required(v)));
                return id -> changes.tag(id, add, List.of(), caller, null);
            case "untag":
                List<String> remove = Tags.normalise(List.of(required(v)));
                return id -> changes.tag(id, List.of(), remove, caller, null);
            default:
                throw new BadRequestException("unknown action '" + action + "': status, priority, assign, transfer, tag, untag");
        }
    }

    private static Uni<BulkResult.Item> one(String id, Function<UUID, Uni<TicketDetail>> command) {
        if (id == null) {
            return Uni.createFrom().item(new BulkResult.Item(null, 400, null, "bad-request", "a ticket id is null"));
        }
        return Uni.createFrom().deferred(() -> command.apply(Requests.ticketId(id)))
                .map(detail -> new BulkResult.Item(id, 200, detail.version(), null, null))
                .onFailure().recoverWithItem(e -> failed(id, e));
    }

    private static BulkResult.Item failed(String id, Throwable e) {
        if (e instanceof TicketNotFoundException) {
            return new BulkResult.Item(id, 404, null, "ticket-not-found", e.getMessage());
        }
        if (e instanceof BadRequestException) {
            return new BulkResult.Item(id, 400, null, "bad-request", e.getMessage());
        }
        if (e instanceof ForbiddenException) {
            return new BulkResult.Item(id, 403, null, "forbidden", e.getMessage());
        }
        if (e instanceof ConflictException conflict) {
            return new BulkResult.Item(id, 409, null, conflict.type(), conflict.getMessage());
        }
        if (e instanceof StaleObjectStateException || e instanceof OptimisticLockException) {
            return new BulkResult.Item(id, 409, null, "stale-ticket", "the ticket was changed by someone else meanwhile");
        }
        return new BulkResult.Item(id, 500, null, "internal-error", String.valueOf(e.getMessage()));
    }

    private static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("value is required");
        }
        return value;
    }

    private static void checked(Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

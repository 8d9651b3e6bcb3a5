package dev.switchboard.ticket.queue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.api.QueueEntry;
import dev.switchboard.ticket.auth.Callers;
import dev.switchboard.ticket.tickets.TicketMapper;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.web.BadRequestException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The unified queue: open tickets of every channel within the caller's teams, critical first,
 * then the longest waiting.
 */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final TicketRepository tickets;
    private final Callers callers;

    public QueueResource(TicketRepository tickets, Callers callers) {
        this.tickets = tickets;
        this.callers = callers;
    }

    @GET
    @WithSession
    public Uni<List<QueueEntry>> queue(@RestQuery String status, @RestQuery String channel,
                                       @RestQuery String priority, @RestQuery String assignee,
                                       @RestQuery Integer limit) {
        Set<TicketStatus> statuses = statuses(status);
        Channel wanted = channel == null || channel.isBlank() ? null : parse(() -> Channel.fromId(channel));
        Priority rank = priority == null || priority.isBlank() ? null : parse(() -> Priority.fromId(priority));
        int max = limit(limit);
        return callers.current()
                .chain(caller -> tickets.queue(caller.scope(), statuses, wanted, rank, assignee, max))
                .map(list -> list.stream().map(TicketMapper::toQueueEntry).toList());
    }

    /**
     * The queue only shows open work: a closed status asked for yields nothing rather than closed tickets.
     * The live stream ({@code stream.QueueStreamResource}) takes the same filter.
     */
    public static Set<TicketStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return TicketStatus.OPEN_STATUSES;
        }
        TicketStatus wanted = parse(() -> TicketStatus.fromId(status));
        if (!wanted.isOpen()) {
            throw new BadRequestException("the queue holds open tickets only; '" + status + "' is not an open status");
        }
        return EnumSet.of(wanted);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1) {
            throw new BadRequestException("limit must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    public static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

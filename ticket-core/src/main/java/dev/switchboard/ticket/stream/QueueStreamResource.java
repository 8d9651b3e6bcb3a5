package dev.switchboard.ticket.stream;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.auth.Callers;
import dev.switchboard.ticket.auth.TeamScope;
import dev.switchboard.ticket.queue.QueueResource;
import dev.switchboard.ticket.tickets.TicketStatus;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The agents' queue, live: one server-sent event per committed change of a ticket in it. */
@Path("/api/queue/stream")
@Tag(name = "Queue")
public class QueueStreamResource {
    /** Changes a slow client may fall behind by before its stream fails (it reconnects and reloads the queue). */
    static final int BUFFER = 1000;

    private final TicketChangeListener listener;
    private final Callers callers;
    private final Duration keepAlive;

    public QueueStreamResource(TicketChangeListener listener, Callers callers,
                               @ConfigProperty(name = "switchboard.stream.keep-alive") Duration keepAlive) {
        this.listener = listener;
        this.callers = callers;
        this.keepAlive = keepAlive;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live queue changes (text/event-stream)",
            description = "First a 'ready' event, then one event per ticket change named created, assigned, solved or "
                    + "changed, with id, status, priority, assignee, team and SLA due time as JSON. Filters (status, channel, priority, assignee) as GET "
                    + "/api/queue; a change that takes a ticket out of the filtered queue is sent too, with inQueue false.")
    public Multi<OutboundSseEvent> stream(@RestQuery String status, @RestQuery String channel,
                                          @RestQuery String priority, @RestQuery String assignee,
                                          @Context Sse sse) {
        Set<String> statuses = QueueResource.statuses(status).stream().map(TicketStatus::id).collect(Collectors.toSet());
        String channelId = channel == null || channel.isBlank() ? null
                : QueueResource.parse(() -> Channel.fromId(channel)).id();
        String priorityId = priority == null || priority.isBlank() ? null
                : QueueResource.parse(() -> Priority.fromId(priority)).id();
        String wantedAssignee = assignee == null || assignee.isBlank() ? null : assignee;
        // The caller's teams, like GET /api/queue: an agent never hears of another team's tickets.
        return callers.current().onItem().transformToMulti(caller ->
                stream(new Filter(statuses, channelId, priorityId, wantedAssignee, caller.scope()), sse));
    }

    private Multi<OutboundSseEvent> stream(Filter filter, Sse sse) {
        Multi<OutboundSseEvent> changes = listener.changes()
                .filter(filter::concerns)
                .map(change -> change.inQueue(filter.inQueue(change)))
                .onOverflow().buffer(BUFFER)
                .map(change -> sse.newEventBuilder()
                        .name(change.kind())
                        .id(change.id() + ":" + change.version())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(QueueChange.class, change)
                        .build());
        // Proxies close idle connections; a comment (every 15 s by default) keeps the stream open and finds dead clients.
        Multi<OutboundSseEvent> comments = Multi.createFrom().ticks().every(keepAlive)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // Subscribed to the changes before 'ready' goes out: a client that saw 'ready' misses nothing after it.
        return Multi.createBy().merging().streams(changes, comments,
                Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build()));
    }

    /** The queue's filter, applied to changes. */
    record Filter(Set<String> statuses, String channel, String priority, String assignee, TeamScope scope) {

        boolean inQueue(QueueChange c) {
            return statuses.contains(c.status()) && (channel == null || channel.equals(c.channel()))
                    && (priority == null || priority.equals(c.priority()))
                    && (assignee == null || assignee.equals(c.assignee())) && scope.covers(c.team());
        }

        /** In the queue now, or was before this change: the client must add, update or drop it. */
        boolean concerns(QueueChange c) {
            boolean wasIn = c.previousStatus() != null && statuses.contains(c.previousStatus())
                    && (channel == null || channel.equals(c.channel()))
                    && (priority == null || priority.equals(c.previousPriority()))
                    && (assignee == null || assignee.equals(c.previousAssignee()))
                    && scope.covers(c.previousTeam());
            return inQueue(c) || wasIn;
        }
    }
}

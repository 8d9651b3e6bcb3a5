package dev.switchboard.ticket.merge;

import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.auth.Caller;
import dev.switchboard.ticket.auth.TeamScope;
import dev.switchboard.ticket.csat.Surveys;
import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.sla.TicketSla;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMapper;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import dev.switchboard.ticket.tickets.TicketNotFoundException;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.web.BadRequestException;
import dev.switchboard.ticket.web.ConflictException;
import dev.switchboard.ticket.workflow.Notes;
import dev.switchboard.ticket.workflow.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Merges a duplicate ticket into the ticket that stays, in one transaction: the duplicate's
 * messages move to the target, the duplicate is closed (announced, so routing frees the agent)
 * and points at the target, and each ticket gets an internal note by the caller saying what happened. A later
 * message on the duplicate's conversation joins the target (see {@code intake.TicketIntake}).
 */
@ApplicationScoped
public class TicketMerges {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TicketSla sla;
    private final Surveys surveys;

    public TicketMerges(TicketRepository tickets, TicketMessageRepository messages, Outbox outbox, OutboxRelay relay,
                        TicketSla sla, Surveys surveys) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.relay = relay;
        this.sla = sla;
    }

    /**
     * @param expectedVersion the duplicate's version the agent saw ({@code If-Match}), or null
     * @param caller          writes both notes; what they may see bounds the target: one outside it is "not
     *                        found", like an unknown one
     */
    public Uni<TicketDetail> merge(UUID sourceId, UUID targetId, Long expectedVersion, Caller caller) {
        TeamScope scope = caller.scope();
        if (sourceId.equals(targetId)) {
            throw new BadRequestException("a ticket cannot be merged into itself");
        }
        return Panache.withTransaction(() -> tickets.forChange(sourceId, expectedVersion)
                        .chain(source -> tickets.findById(targetId)
                                .map(target -> target != null && scope.covers(target.team) ? target : null)
                                .onItem().ifNull().failWith(() -> new TicketNotFoundException(targetId))
                                .chain(target -> apply(source, target, caller.name()))))
                .invoke(relay::trigger);
    }

    private Uni<TicketDetail> apply(Ticket source, Ticket target, String author) {
        check(source, target);
        Instant now = Instant.now();
        int moved = source.messageCount;
        target.messageCount += moved;
        target.tags = Tags.apply(target.tags, Arrays.asList(source.tags), List.of());
        target.updatedAt = now;
        TicketStatus from = source.status;
        source.status = TicketStatus.CLOSED;
        source.closedAt = now;
        source.mergedInto = target.id;
        source.messageCount = 0;
        source.updatedAt = now;
        sla.statusChanged(source, from, now);
        return Panache.getSession()
                // Moved before the notes are written, so the duplicate keeps its own note.
                .chain(session -> session.createNativeQuery("update ticket.message set ticket_id = ?1 where ticket_id = ?2")
                        .setParameter(1, target.id)
                        .setParameter(2, source.id)
                        .executeUpdate())
                .chain(count -> messages.persist(Notes.internal(source, author,
                        "Merged into #" + target.number + " (" + count + " messages moved)", now)))
                .chain(() -> messages.persist(Notes.internal(target, author,
                        "Merged #" + source.number + " into this ticket (" + source.subject + ")", now)))
                .chain(() -> outbox.add(TicketEvents.closed(source, now)))
                .call(Panache::flush)
                .chain(() -> messages.forTicket(target.id))
                .chain(list -> surveys.answerOf(target.id).map(csat -> TicketMapper.toDetail(target, list, csat)));
    }

    /**
     * Both open, and the same customer: merging two customers' tickets would show one customer's
     * messages to the other through replies on the merged ticket, so that is refused.
     */
    private static void check(Ticket source, Ticket target) {
        if (source.status == TicketStatus.CLOSED) {
            throw new ConflictException("merge-forbidden", "ticket #" + source.number + " is closed"
                    + (source.mergedInto == null ? "" : " (merged already)"));
        }
        if (target.status == TicketStatus.CLOSED) {
            throw new ConflictException("merge-forbidden", "the target #" + target.number + " is closed");
        }
        if (source.contactId != null && target.contactId != null && !Objects.equals(source.contactId, target.contactId)) {
            throw new ConflictException("different-contacts", "#" + source.number + " and #" + target.number
                    + " belong to different contacts; only a customer's own duplicates can be merged");
        }
    }
}

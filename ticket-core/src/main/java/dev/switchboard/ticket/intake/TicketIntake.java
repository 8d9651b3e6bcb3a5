package dev.switchboard.ticket.intake;

import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.ticket.csat.CsatReply;
import dev.switchboard.ticket.csat.Surveys;
import dev.switchboard.ticket.notices.Notices;
import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.sla.TicketSla;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketRows;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.workflow.TicketWorkflow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.FlushMode;

/**
 * Turns routing events into ticket state and its ticket events (outbox), a batch in one transaction.
 * Idempotent on the message id: a redelivered event finds its message stored and stores nothing;
 * only a later assignment of that message (routing queued it first) still moves the ticket.
 */
@ApplicationScoped
public class TicketIntake {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketRows rows;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TicketSla sla;
    private final Notices notices;
    private final Surveys surveys;

    public TicketIntake(TicketRepository tickets, TicketMessageRepository messages, TicketRows rows, Outbox outbox,
                        OutboxRelay relay, TicketSla sla, Notices notices, Surveys surveys) {
        this.rows = rows;
        this.sla = sla;
        this.notices = notices;
        this.surveys = surveys;
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<IntakeOutcome> record(RoutingEvent event) {
        return recordAll(List.of(event)).map(outcomes -> outcomes.get(0));
    }

    /**
     * Applies a batch of events in their order, in one transaction: one outcome per event. Three
     * queries read what the batch needs to know ({@link IntakeBatch}), a fourth draws the ticket numbers
     * it may need. The events change tickets in memory only; at the end one statement per table writes
     * them ({@link TicketRows}): the tickets the batch opened, the stored tickets it changed (each once,
     * checked against the version it read), its messages, and its outbox rows in the order the events
     * wrote them. The session's own flush (flush mode MANUAL: no flush before each query) then writes
     * what else the events persisted (a survey's answer). The changed tickets are detached first, so
     * Hibernate does not write them a second time.
     */
    public Uni<List<IntakeOutcome>> recordAll(List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> {
                            session.setFlushMode(FlushMode.MANUAL);
                            return known(events)
                                    .chain(batch -> applyInOrder(events, batch)
                                            .invoke(() -> batch.changed().forEach(session::detach))
                                            .call(() -> rows.insertTickets(batch.created()))
                                            .call(() -> rows.updateTickets(batch.changed()))
                                            .call(() -> rows.insertMessages(batch.messages()))
                                            .call(session::flush)
                                            .call(() -> outbox.addAll(batch.outbox())));
                        }))
                .invoke(outcomes -> {
                    if (outcomes.stream().anyMatch(IntakeOutcome::changedAnything)) {
                        relay.trigger();
                    }
                });
    }

    private Uni<IntakeBatch> known(List<RoutingEvent> events) {
        return messages.findAllById(IntakeBatch.messageIds(events))
                .chain(stored -> tickets.findOpen(IntakeBatch.conversations(events))
                        .chain(open -> tickets.findLatest(IntakeBatch.ownConversations(events))
                                .map(latest -> new IntakeBatch(stored, open, latest))))
                // All the numbers the batch may need in one round trip; one left unused is a gap, as after a rollback.
                .call(batch -> tickets.nextNumbers(batch.newTicketsAtMost(events)).invoke(batch::numbers));
    }

    /** One event after the other: each sees what the ones before it did. */
    private Uni<List<IntakeOutcome>> applyInOrder(List<RoutingEvent> events, IntakeBatch batch) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> apply(event, batch))
                .collect().asList();
    }

    private Uni<IntakeOutcome> apply(RoutingEvent event, IntakeBatch batch) {
        TicketMessage existing = batch.known(event.message().id());
        return existing != null ? alreadyStored(event, existing, batch) : store(event, batch);
    }

    /** A known message: nothing to store, but a late assignment still assigns its ticket. */
    private Uni<IntakeOutcome> alreadyStored(RoutingEvent event, TicketMessage existing, IntakeBatch batch) {
        if (!(event instanceof MessageAssigned assigned)) {
            return Uni.createFrom().item(IntakeOutcome.alreadyStored(existing.id, existing.ticketId, existing.channel, false));
        }
        return ticket(existing.ticketId, batch)
                .chain(ticket -> {
                    List<TicketEvent> events = new ArrayList<>();
                    boolean changed = ticket.status.isOpen() && assign(ticket, assigned, Instant.now(), events);
                    if (changed) {
                        batch.changed(ticket);
                    }
                    writeAll(events, batch);
                    return Uni.createFrom().item(IntakeOutcome.alreadyStored(existing.id, ticket.id, existing.channel, changed));
                });
    }

    private Uni<IntakeOutcome> store(RoutingEvent event, IntakeBatch batch) {
        Instant now = Instant.now();
        return ticketFor(event, batch, now)
                .chain(target -> addMessage(target, event, batch, now));
    }

    /** A duplicate joins the original conversation's open ticket; anything else its own conversation's. */
    private Uni<Target> ticketFor(RoutingEvent event, IntakeBatch batch, Instant now) {
        if (event instanceof DuplicateLinked linked && linked.originalConversationKey() != null) {
            Ticket original = batch.openTicket(linked.originalConversationKey());
            if (original != null) {
                return Uni.createFrom().item(new Target(original, false));
            }
        }
        return ownConversation(event, batch, now);
    }

    /** The open ticket, else what the workflow says about the latest one: reopen it or follow it up. */
    private Uni<Target> ownConversation(RoutingEvent event, IntakeBatch batch, Instant now) {
        String conversation = event.message().conversationKey();
        Ticket open = batch.openTicket(conversation);
        return open != null
                ? Uni.createFrom().item(new Target(open, false))
                : surveyAnswer(event, batch.latestTicket(conversation), batch, now);
    }

    /**
     * One digit 1-5 from the customer while a survey of their solved (or since closed) ticket is
     * open is their rating: it is stored on that ticket and neither reopens it nor opens a
     * follow-up. Any other message, or a digit once the survey expired, is a message as before.
     */
    private Uni<Target> surveyAnswer(RoutingEvent event, Ticket latest, IntakeBatch batch, Instant now) {
        OptionalInt rating = CsatReply.rating(event.message().text());
        if (latest == null || latest.status.isOpen() || rating.isEmpty()) {
            return afterLatest(event, latest, batch, now);
        }
        return surveys.awaiting(latest.id, now)
                .chain(awaiting -> awaiting
                        ? Uni.createFrom().item(new Target(latest, false, rating.getAsInt(), false))
                        : afterLatest(event, latest, batch, now));
    }

    private Uni<Target> afterLatest(RoutingEvent event, Ticket latest, IntakeBatch batch, Instant now) {
        switch (TicketWorkflow.onCustomerMessage(latest == null ? null : latest.status)) {
            case REOPEN:
                latest.status = TicketStatus.OPEN;
                latest.reopenCount++;
                latest.solvedAt = null;
                return Uni.createFrom().item(new Target(latest, false, null, true));
            case FOLLOW_UP:
                return latest.mergedInto != null ? mergedInto(event, latest, batch, now) : create(event, latest.id, batch, now);
            default:
                return create(event, null, batch, now);
        }
    }

    /** The conversation's ticket was merged away: its messages go where the merge put the others. */
    private Uni<Target> mergedInto(RoutingEvent event, Ticket merged, IntakeBatch batch, Instant now) {
        return ticket(merged.mergedInto, batch)
                .chain(target -> target.status.isOpen()
                        ? Uni.createFrom().item(new Target(target, false))
                        // Solved: reopened; closed: followed up, as for the conversation's own ticket.
                        : afterLatest(event, target, batch, now));
    }

    private Uni<Target> create(RoutingEvent event, UUID followUpOf, IntakeBatch batch, Instant now) {
        // Inserted at the end of the batch, complete: one INSERT, so the change stream announces it once, whole.
        Long drawn = batch.nextNumber();
        // The batch drew as many numbers as it can open tickets; the sequence stays the fallback all the same.
        return (drawn != null ? Uni.createFrom().item(drawn) : tickets.nextNumber())
                .map(number -> new Target(NewTickets.ticket(event, number, followUpOf, now), true));
    }

    private Uni<IntakeOutcome> addMessage(Target target, RoutingEvent event, IntakeBatch batch, Instant now) {
        Ticket ticket = target.ticket();
        List<TicketEvent> events = new ArrayList<>();
        if (target.created()) {
            sla.start(ticket);
            events.add(TicketEvents.created(ticket, now));
        } else if (target.csatRating() == null) {
            TicketStatus before = ticket.status;
            apply(event, ticket, now, events);
            // The customer answered a pending ticket: its clocks run again.
            sla.statusChanged(ticket, before, now);
            // After an agent's reply, the customer's message starts the next-response clock.
            sla.customerWrote(ticket, now);
        }
        NewTickets.learnAddresses(ticket, event.message());
        ticket.messageCount++;
        ticket.lastMessagePreview = MessageText.previewOf(event.message());
        ticket.updatedAt = now;
        TicketMessage stored = NewTickets.message(event, ticket.id, now);
        batch.applied(stored, ticket);
        if (target.created()) {
            batch.created(ticket);
        } else {
            batch.changed(ticket);
        }
        writeAll(events, batch);
        // An auto-reply or bounce is never answered, not even by an acknowledgement.
        Notices.Composed acknowledgement = target.created() && !event.message().autoGenerated()
                ? notices.acknowledgement(ticket, stored.providerMessageId, now) : null;
        batch.message(stored);
        if (acknowledgement != null) {
            batch.message(acknowledgement.message());
            batch.outbox(outbox.entry(acknowledgement.outbound()));
        }
        // A rating writes its outbox row now, ahead of the batch's: no row of the batch is about that
        // ticket before it, since a ticket the batch touched is open and takes no rating.
        Uni<Void> rating = target.csatRating() == null ? Uni.createFrom().voidItem()
                : surveys.record(ticket, target.csatRating(), null, stored.channel.id(), now).replaceWithVoid();
        return rating
                .map(ignored -> new IntakeOutcome(stored.id, ticket.id, stored.channel, true, target.created(), true,
                        target.reopened()));
    }

    /** What the routing decision changes on an existing ticket besides the new message. */
    private static void apply(RoutingEvent event, Ticket ticket, Instant now, List<TicketEvent> events) {
        // Java 17: no pattern switch yet; a duplicate changes nothing but the message list.
        if (event instanceof MessageAssigned assigned) {
            assign(ticket, assigned, now, events);
        } else if (event instanceof MessageQueued queued) {
            ticket.routingQueue = queued.queue();
        }
        if (TicketWorkflow.onCustomerMessage(ticket.status) == TicketWorkflow.CustomerMessage.JOIN_AND_OPEN) {
            ticket.status = TicketStatus.OPEN;
        }
    }

    /** Assignee and team from routing; an unassigned (new) ticket becomes open. True when anything changed. */
    private static boolean assign(Ticket ticket, MessageAssigned assigned, Instant now, List<TicketEvent> events) {
        String previous = ticket.assignee;
        boolean changed = !Objects.equals(previous, assigned.agentId()) || !Objects.equals(ticket.team, assigned.team())
                || ticket.status == TicketStatus.NEW;
        ticket.assignTo(assigned.agentId(), now);
        ticket.team = assigned.team();
        if (ticket.status == TicketStatus.NEW) {
            ticket.status = TicketStatus.OPEN;
        }
        if (!Objects.equals(previous, assigned.agentId())) {
            events.add(TicketEvents.assigned(ticket, previous, now, false));
        }
        if (changed) {
            ticket.updatedAt = now;
        }
        return changed;
    }

    /** The batch's own copy first: a ticket it opened is written only at its end. */
    private Uni<Ticket> ticket(UUID id, IntakeBatch batch) {
        Ticket inHand = batch.ticket(id);
        return inHand != null ? Uni.createFrom().item(inHand) : tickets.findById(id);
    }

    /** Into the batch's outbox rows, written together at its end. */
    private void writeAll(List<TicketEvent> events, IntakeBatch batch) {
        events.forEach(event -> batch.outbox(outbox.entry(event)));
    }

    /**
     * @param csatRating set when the message is the customer's answer to the survey
     * @param reopened   the customer's message reopened a solved ticket (counted in the KPIs)
     */
    private record Target(Ticket ticket, boolean created, Integer csatRating, boolean reopened) {

        Target(Ticket ticket, boolean created) {
            this(ticket, created, null, false);
        }
    }
}

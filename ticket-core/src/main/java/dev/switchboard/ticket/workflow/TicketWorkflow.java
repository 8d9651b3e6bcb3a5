package dev.switchboard.ticket.workflow;

import static dev.switchboard.ticket.tickets.TicketStatus.CLOSED;
import static dev.switchboard.ticket.tickets.TicketStatus.ESCALATED;
import static dev.switchboard.ticket.tickets.TicketStatus.NEW;
import static dev.switchboard.ticket.tickets.TicketStatus.ON_HOLD;
import static dev.switchboard.ticket.tickets.TicketStatus.OPEN;
import static dev.switchboard.ticket.tickets.TicketStatus.PENDING;
import static dev.switchboard.ticket.tickets.TicketStatus.SOLVED;

import dev.switchboard.ticket.tickets.TicketStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status workflow, plain Java. Allowed moves an agent may make:
 *
 * <pre>
 *   new       -> open, pending, on-hold, solved
 *   open      -> pending, on-hold, solved
 *   pending   -> open, on-hold, solved          (pending = waiting on the customer)
 *   on-hold   -> open, pending, solved          (waiting on a third party)
 *   escalated -> open, pending, on-hold, solved
 *   solved    -> open, closed                   (reopen by hand, or close for good)
 *   closed    -> nothing: a later customer message opens a follow-up ticket
 * </pre>
 *
 * Nobody sets {@code new} by a status change (it only means "not yet picked up"; a transfer to a
 * team without an agent puts a ticket back there), and {@code escalated} is reached
 * only through {@link #escalate}, which also raises the tier.
 */
public final class TicketWorkflow {
    public static final int MAX_TIER = 3;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        ALLOWED.put(NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED));
        ALLOWED.put(OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED));
        ALLOWED.put(PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED));
        ALLOWED.put(ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED));
        ALLOWED.put(ESCALATED, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED));
        ALLOWED.put(SOLVED, EnumSet.of(OPEN, CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketWorkflow() {
    }

    /** An agent asks to move a ticket from one status to another. */
    public static Transition change(TicketStatus from, TicketStatus to) {
        if (from == to) {
            return new Transition.Forbidden(from, to, "the ticket is already " + to.id());
        }
        if (to == ESCALATED) {
            return new Transition.Forbidden(from, to, "escalate through POST /api/tickets/{id}/escalate, which raises the tier");
        }
        if (!ALLOWED.get(from).contains(to)) {
            return new Transition.Forbidden(from, to, "a " + from.id() + " ticket cannot become " + to.id()
                    + "; allowed: " + ALLOWED.get(from).stream().map(TicketStatus::id).toList());
        }
        return new Transition.Allowed(from, to);
    }

    /** Escalation: one tier up, status escalated. Only open work, and not beyond tier 3. */
    public static Transition escalate(TicketStatus from, int tier) {
        if (!from.isOpen()) {
            return new Transition.Forbidden(from, ESCALATED, "a " + from.id() + " ticket cannot be escalated");
        }
        if (tier >= MAX_TIER) {
            return new Transition.Forbidden(from, ESCALATED, "the ticket is already at tier " + MAX_TIER);
        }
        return new Transition.Allowed(from, ESCALATED);
    }

    /** What a new customer message does to the latest ticket of its conversation. */
    public static CustomerMessage onCustomerMessage(TicketStatus latest) {
        if (latest == null) {
            return CustomerMessage.NEW_TICKET;
        }
        switch (latest) {
            case SOLVED:
                return CustomerMessage.REOPEN;
            case CLOSED:
                return CustomerMessage.FOLLOW_UP;
            case PENDING:
                // The customer answered: the ticket no longer waits on them.
                return CustomerMessage.JOIN_AND_OPEN;
            default:
                return CustomerMessage.JOIN;
        }
    }

    /** The effect of a customer's message, see {@link #onCustomerMessage}. */
    public enum CustomerMessage {
        /** No ticket yet: open one. */
        NEW_TICKET,
        /** Add it to the open ticket, status unchanged. */
        JOIN,
        /** Add it and set the ticket back to open. */
        JOIN_AND_OPEN,
        /** The ticket was solved: reopen it (status open, reopen counted). */
        REOPEN,
        /** The ticket was closed for good: open a new ticket linked to it. */
        FOLLOW_UP
    }
}

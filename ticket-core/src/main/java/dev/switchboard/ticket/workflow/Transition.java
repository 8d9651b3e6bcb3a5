package dev.switchboard.ticket.workflow;

import dev.switchboard.ticket.tickets.TicketStatus;

/** A workflow decision with its reason, so a refusal can be explained to the agent. */
public sealed interface Transition {

    TicketStatus from();

    TicketStatus to();

    record Allowed(TicketStatus from, TicketStatus to) implements Transition {
    }

    record Forbidden(TicketStatus from, TicketStatus to, String reason) implements Transition {
    }
}

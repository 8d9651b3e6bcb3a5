package dev.switchboard.ticket.tickets;

import java.util.UUID;

public class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(UUID id) {
        super("no ticket with id " + id);
    }
}

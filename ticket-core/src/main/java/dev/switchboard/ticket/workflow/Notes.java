package dev.switchboard.ticket.workflow;

import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import java.time.Instant;
import java.util.UUID;

/** Internal notes: messages agents write for each other, never sent to the customer. */
public final class Notes {

    private Notes() {
    }

    public static TicketMessage internal(Ticket ticket, String author, String text, Instant now) {
        TicketMessage note = new TicketMessage();
        note.id = UUID.randomUUID();
        note.ticketId = ticket.id;
        note.direction = TicketMessage.Direction.INTERNAL;
        note.channel = ticket.channel;
        note.author = author;
        note.senderName = author;
        note.text = text;
        note.receivedAt = now;
        note.storedAt = now;
        return note;
    }
}

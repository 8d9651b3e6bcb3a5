package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Channel;
import java.util.UUID;

/**
 * What one routing event did to the tickets. Returned after the transaction commits, so
 * metrics and logs only count what was really stored.
 *
 * @param ticketChanged the ticket changed although the message was known (a late assignment)
 * @param ticketReopened the message reopened a solved ticket
 */
public record IntakeOutcome(UUID messageId, UUID ticketId, Channel channel, boolean messageStored, boolean ticketCreated,
                            boolean ticketChanged, boolean ticketReopened) {

    public static IntakeOutcome alreadyStored(UUID messageId, UUID ticketId, Channel channel, boolean ticketChanged) {
        return new IntakeOutcome(messageId, ticketId, channel, false, false, ticketChanged, false);
    }

    /** Whether an event may be waiting in the outbox. */
    public boolean changedAnything() {
        return messageStored || ticketChanged;
    }
}

package dev.switchboard.ticket.intake;

import dev.switchboard.contract.Channel;
import java.util.UUID;

/**
 * What one routing event did to the tickets. Returned after the transaction commits, so
 * metrics and logs only count what was really stored.
 */
public record IntakeOutcome(UUID messageId, UUID ticketId, Channel channel, boolean messageStored, boolean ticketCreated) {

    public static IntakeOutcome alreadyStored(UUID messageId, UUID ticketId, Channel channel) {
        return new IntakeOutcome(messageId, ticketId, channel, false, false);
    }
}

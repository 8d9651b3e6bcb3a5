package dev.switchboard.ticket.api;

import dev.switchboard.contract.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as the agent sees it.
 *
 * @param duplicateOf set when routing linked this message as a duplicate of another one
 * @param similarity  how alike routing found the two, with {@code duplicateOf}
 * @param direction   inbound (customer), outbound (agent reply) or internal (note, never sent)
 * @param delivery    for replies: queued, sent, delivered, read or failed
 * @param automatic   a notice Switchboard sent by itself (acknowledgement, escalation, survey)
 */
public record MessageView(
        UUID id,
        String direction,
        Channel channel,
        String providerMessageId,
        String senderName,
        String text,
        String html,
        Instant sentAt,
        Instant receivedAt,
        UUID duplicateOf,
        Double similarity,
        String author,
        String recipient,
        String delivery,
        String deliveryError,
        boolean automatic) {
}

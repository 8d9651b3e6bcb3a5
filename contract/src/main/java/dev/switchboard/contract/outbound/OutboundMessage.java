package dev.switchboard.contract.outbound;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent's reply to send on the customer's channel, on {@code outbound.<channel>.v1}, keyed by
 * conversation so replies leave in the order they were written.
 *
 * @param id                the reply's id in ticket-core; a channel sends each id once
 * @param inbox             which of our addresses/numbers/pages sends it
 * @param recipient         the customer's address on that channel (email, E.164 phone, PSID, chat id)
 * @param inReplyTo         provider id of the customer message being answered, if any
 * @param subject           for email
 */
public record OutboundMessage(
        UUID id,
        UUID ticketId,
        Channel channel,
        String inbox,
        String conversationKey,
        String recipient,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String inReplyTo,
        String agentId,
        Instant createdAt) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}

package dev.switchboard.contract.routing;

import dev.switchboard.contract.intake.InboundMessage;
import java.util.Objects;
import java.util.UUID;

/**
 * The same customer reported the same problem on another channel: the message joins the
 * original conversation as a linked duplicate instead of opening a second ticket.
 */
public record DuplicateLinked(
        InboundMessage message,
        ContactContext contact,
        Classification classification,
        Decision decision,
        UUID originalMessageId,
        String originalConversationKey,
        double similarity) implements RoutingEvent {

    public DuplicateLinked {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(originalMessageId, "originalMessageId");
    }

    /** Keyed by the original conversation, so the link lands after what it links to. */
    @Override
    public String key() {
        return originalConversationKey;
    }
}

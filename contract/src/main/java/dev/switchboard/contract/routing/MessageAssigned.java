package dev.switchboard.contract.routing;

import dev.switchboard.contract.intake.InboundMessage;
import java.util.Objects;

/** The message was given to an agent. */
public record MessageAssigned(
        InboundMessage message,
        ContactContext contact,
        Classification classification,
        Decision decision,
        String agentId,
        String team) implements RoutingEvent {

    public MessageAssigned {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(agentId, "agentId");
    }
}

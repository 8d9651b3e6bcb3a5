package dev.switchboard.contract.routing;

import dev.switchboard.contract.intake.InboundMessage;
import java.util.Objects;

/** No eligible agent had capacity: the message waits in a queue and is assigned later. */
public record MessageQueued(
        InboundMessage message,
        ContactContext contact,
        Classification classification,
        Decision decision,
        String queue) implements RoutingEvent {

    public MessageQueued {
        Objects.requireNonNull(message, "message");
    }
}

package dev.switchboard.contract.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.contract.intake.InboundMessage;

/**
 * Events on {@code routing.assignments.v1}. Each carries the message it is about, so that
 * ticket-core needs nothing but this topic to build a ticket.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MessageAssigned.class, name = "assigned"),
    @JsonSubTypes.Type(value = MessageQueued.class, name = "queued"),
    @JsonSubTypes.Type(value = DuplicateLinked.class, name = "duplicate-linked")
})
public sealed interface RoutingEvent permits MessageAssigned, MessageQueued, DuplicateLinked {

    InboundMessage message();

    ContactContext contact();

    Classification classification();

    Decision decision();

    /** Kafka record key: the conversation, so one conversation stays in order. */
    default String key() {
        return message().conversationKey();
    }
}

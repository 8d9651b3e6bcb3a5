package dev.switchboard.channel.kit.publish;

import java.util.Objects;

/** One event to put on a topic under a key (the conversation, so a conversation stays in order). */
public record Publication(String topic, String key, Object event) {
    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
    }
}

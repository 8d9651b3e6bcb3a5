package dev.switchboard.channel.kit.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a webhook may wait for the broker before answering 503. */
@ConfigMapping(prefix = "switchboard.publish")
public interface PublishConfig {

    /** CloudEvents source of what this adapter publishes, e.g. {@code /channels/whatsapp}. */
    String source();

    /**
     * Upper bound for the broker's acknowledgement (Kafka {@code delivery.timeout.ms}). Kept well
     * under the providers' own timeouts (Meta: 20 s) so they see our 503, not their timeout.
     */
    @WithDefault("10s")
    Duration ackTimeout();

    /** How long {@code send} may block when the broker's metadata is unknown (Kafka {@code max.block.ms}). */
    @WithDefault("5s")
    Duration maxBlock();
}

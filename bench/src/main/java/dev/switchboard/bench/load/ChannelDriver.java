package dev.switchboard.bench.load;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers customer messages to one channel adapter the way its provider does. WhatsApp is the only
 * channel today; email (SMTP/webhook), chat (WebSocket) and social drivers implement the same three
 * methods, so the generator, the mix and the measurements stay as they are.
 */
public interface ChannelDriver extends AutoCloseable {

    Channel channel();

    /**
     * Sends one delivery without blocking. Completes with the status the provider would see, mapped
     * to HTTP terms (200 = accepted after the broker's ack); completes exceptionally when the
     * connection fails.
     */
    CompletableFuture<Integer> deliver(CustomerMessage message);

    /** Lets go of connections and threads; the driver sends nothing after. */
    @Override
    default void close() {
    }

    /** The id the pipeline gives this message: what the stages are matched on. */
    default UUID messageId(CustomerMessage message) {
        return MessageIds.inbound(channel(), message.providerMessageId());
    }
}

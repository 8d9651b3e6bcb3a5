package dev.switchboard.contract.intake;

import dev.switchboard.contract.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provider reports about a message we sent, on {@code intake.statuses.v1}.
 *
 * @param id                deterministic id of this status report (channel + provider id + state)
 * @param providerMessageId the provider id of our outbound message (e.g. the wamid)
 * @param recipient         who it was sent to (channel user id or address)
 * @param occurredAt        provider time; statuses can arrive out of order, so order by this
 * @param errorCode         provider error code when failed
 * @param errorTitle        provider error text when failed
 */
public record DeliveryStatus(
        UUID id,
        Channel channel,
        String inbox,
        String providerMessageId,
        String recipient,
        State state,
        Instant occurredAt,
        String errorCode,
        String errorTitle) {

    public DeliveryStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(state, "state");
    }

    /** Delivery states in the order a message normally passes them. */
    public enum State {
        SENT, DELIVERED, READ, FAILED
    }
}

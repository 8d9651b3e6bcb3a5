package dev.switchboard.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids: a webhook retried ten times, or a mail read twice, yields the same id, so
 * every consumer can drop the repeat with a unique constraint.
 */
public final class MessageIds {
    /** Namespace of Switchboard's inbound message ids (a fixed random UUID; never change it). */
    public static final UUID INBOUND_NAMESPACE = UUID.fromString("6f1c3c8e-4b1d-4a55-9d8e-2a7f0e3b9c41");

    private MessageIds() {
    }

    /** The id of an inbound message: UUID v5 of {@code channel + ":" + providerMessageId}. */
    public static UUID inbound(Channel channel, String providerMessageId) {
        Objects.requireNonNull(channel, "channel");
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id is required");
        }
        return nameBased(INBOUND_NAMESPACE, channel.id() + ":" + providerMessageId);
    }

    /** The id of a delivery status report: one per message and state, however often it is sent. */
    public static UUID status(Channel channel, String providerMessageId, String state) {
        return inbound(channel, "status:" + providerMessageId + ":" + state);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). The JDK only offers version 3 (MD5). */
    public static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}

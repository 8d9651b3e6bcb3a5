package dev.switchboard.contract.intake;

/**
 * A file sent with a message. Content is stored once, content-addressed by sha256.
 *
 * @param name       file name as sent (may be null for photos)
 * @param mediaType  MIME type
 * @param size       bytes, or -1 when not yet known
 * @param sha256     hex digest of the content, when known
 * @param storageRef where the content is (provider media id until downloaded, then our store)
 */
public record Attachment(String name, String mediaType, long size, String sha256, String storageRef) {
}

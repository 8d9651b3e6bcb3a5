package dev.switchboard.contract.intake;

/**
 * Who wrote a message, with every identity the channel revealed. Any field may be null.
 *
 * @param displayName   the name shown by the channel (profile name, From display name)
 * @param email         email address as written
 * @param phone         phone number in E.164 (a WhatsApp id is a phone number)
 * @param channelUserId the channel's own user id (PSID, IGSID, X user id, Telegram id, chat visitor id)
 * @param handle        a public handle (@name on X, Telegram username)
 */
public record Sender(String displayName, String email, String phone, String channelUserId, String handle) {
}

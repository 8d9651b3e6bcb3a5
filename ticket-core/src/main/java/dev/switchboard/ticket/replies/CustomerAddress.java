package dev.switchboard.ticket.replies;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.Sender;
import java.util.Optional;

/**
 * Where a reply can reach the customer. The ticket's own channel answers where the customer
 * wrote; email and WhatsApp are possible whenever a message revealed an address or a number.
 */
public final class CustomerAddress {

    private CustomerAddress() {
    }

    /** The customer's address on the channel they wrote on, as that channel needs it. */
    public static String on(Channel channel, Sender sender) {
        return switch (channel) {
            case EMAIL -> firstOf(sender.email(), sender.channelUserId());
            case WHATSAPP -> firstOf(sender.phone(), sender.channelUserId());
            default -> firstOf(sender.channelUserId(), sender.handle(), sender.phone(), sender.email());
        };
    }

    /**
     * The recipient of a reply on {@code wanted}: the ticket's recipient on its own channel, the
     * known email address or phone number on email or WhatsApp, nothing otherwise.
     */
    public static Optional<String> forReply(Channel wanted, Channel ticketChannel, String ticketRecipient,
                                            String email, String phone) {
        if (wanted == ticketChannel) {
            return Optional.ofNullable(ticketRecipient);
        }
        return switch (wanted) {
            case EMAIL -> Optional.ofNullable(email);
            case WHATSAPP -> Optional.ofNullable(phone);
            default -> Optional.empty();
        };
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}

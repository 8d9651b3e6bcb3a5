package dev.switchboard.routing.contact.identity;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The identities a message proves: only the {@link Sender} fields the channel vouches for. A phone
 * number in a mail body or signature is text anybody can write, so it never counts. A handle is
 * left out too: handles can be renamed and taken over.
 */
public final class SenderIdentities {
    private final Identities identities;

    public SenderIdentities(Identities identities) {
        this.identities = identities;
    }

    /** Sorted and distinct; a field that does not parse proves nothing and is skipped. */
    public SortedSet<Identity> of(InboundMessage message) {
        Sender sender = message.sender();
        SortedSet<Identity> shown = new TreeSet<>();
        attempt(IdentityKind.EMAIL, sender.email()).ifPresent(shown::add);
        attempt(IdentityKind.PHONE, sender.phone()).ifPresent(shown::add);
        attempt(kindOfChannelUserId(message.channel()), sender.channelUserId()).ifPresent(shown::add);
        return shown;
    }

    /** The channel decides what its user id is: on WhatsApp it is the phone number. */
    public static IdentityKind kindOfChannelUserId(Channel channel) {
        return switch (channel) {
            case EMAIL -> IdentityKind.EMAIL;
            case WHATSAPP -> IdentityKind.PHONE;
            case CHAT -> IdentityKind.CHAT_VISITOR;
            case MESSENGER -> IdentityKind.MESSENGER;
            case INSTAGRAM -> IdentityKind.INSTAGRAM;
            case X -> IdentityKind.X;
            case TELEGRAM -> IdentityKind.TELEGRAM;
        };
    }

    private Optional<Identity> attempt(IdentityKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(identities.of(kind, raw));
        } catch (InvalidIdentityException e) {
            return Optional.empty();
        }
    }
}

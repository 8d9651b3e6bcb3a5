package dev.switchboard.ticket.intake;

import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.ContactContext;

/** Plain text rules for what a ticket shows: subject, preview, who the customer is. */
public final class MessageText {
    static final int SUBJECT_LENGTH = 80;
    static final int PREVIEW_LENGTH = 160;

    private MessageText() {
    }

    /** The mail subject, else the start of the text (chat messages have no subject). */
    public static String subjectOf(InboundMessage message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return shorten(message.subject(), 200);
        }
        String text = shorten(message.text(), SUBJECT_LENGTH);
        return text.isEmpty() ? "(" + message.channel().id() + " message without text)" : text;
    }

    public static String previewOf(InboundMessage message) {
        return shorten(message.text(), PREVIEW_LENGTH);
    }

    /** Routing's contact name wins over what the channel showed. */
    public static String contactNameOf(InboundMessage message, ContactContext contact) {
        if (contact != null && contact.name() != null && !contact.name().isBlank()) {
            return contact.name();
        }
        return message.sender().displayName();
    }

    /** The identity an agent can reach the customer by, most useful first. */
    public static String identityOf(Sender sender) {
        for (String candidate : new String[] {sender.email(), sender.phone(), sender.handle(), sender.channelUserId()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /** Whitespace collapsed, cut at a word boundary when one is near, with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        String cut = flat.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        if (space > max * 2 / 3) {
            cut = cut.substring(0, space);
        }
        return cut + "…";
    }
}

package dev.switchboard.channel.whatsapp.normalise;

import dev.switchboard.channel.kit.webhook.WebhookRejected.MalformedPayload;
import dev.switchboard.channel.whatsapp.webhook.WhatsAppNotification;
import dev.switchboard.channel.whatsapp.webhook.WhatsAppNotification.Contact;
import dev.switchboard.channel.whatsapp.webhook.WhatsAppNotification.Message;
import dev.switchboard.channel.whatsapp.webhook.WhatsAppNotification.Status;
import dev.switchboard.channel.whatsapp.webhook.WhatsAppNotification.Value;
import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.Attachment;
import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one webhook notification into normalised messages and delivery statuses. Plain Java:
 * everything here is decided by the payload and the time of receipt.
 */
public final class WhatsAppNormaliser {

    private WhatsAppNormaliser() {
    }

    /** What one notification contains; a notification may batch several of each. */
    public record Normalised(List<InboundMessage> messages, List<DeliveryStatus> statuses) {
    }

    public static Normalised normalise(WhatsAppNotification notification, Instant receivedAt) {
        if (notification == null || !WhatsAppNotification.OBJECT.equals(notification.object())) {
            throw new MalformedPayload("object must be \"" + WhatsAppNotification.OBJECT + "\", was "
                    + (notification == null ? "nothing" : "\"" + notification.object() + "\""));
        }
        if (notification.entry() == null) {
            throw new MalformedPayload("entry is missing");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<DeliveryStatus> statuses = new ArrayList<>();
        for (WhatsAppNotification.Entry entry : notification.entry()) {
            if (entry == null || entry.changes() == null) {
                throw new MalformedPayload("entry has no changes");
            }
            for (WhatsAppNotification.Change change : entry.changes()) {
                if (change == null || !"messages".equals(change.field()) || change.value() == null) {
                    continue; // other subscribed fields (account updates, templates) are not customer messages
                }
                Value value = change.value();
                String inbox = value.metadata() == null ? null : value.metadata().phoneNumberId();
                if (inbox == null) {
                    throw new MalformedPayload("value.metadata.phone_number_id is missing");
                }
                for (Message message : nonNull(value.messages())) {
                    toInbound(message, inbox, value.contacts(), receivedAt).ifPresent(messages::add);
                }
                for (Status status : nonNull(value.statuses())) {
                    statuses.add(toStatus(status, inbox));
                }
            }
        }
        return new Normalised(List.copyOf(messages), List.copyOf(statuses));
    }

    /** The conversation of one customer with one of our numbers. */
    public static String conversationKey(String phoneNumberId, String waId) {
        return "whatsapp:" + phoneNumberId + ":" + waId;
    }

    private static Optional<InboundMessage> toInbound(Message m, String inbox, List<Contact> contacts,
                                                                Instant receivedAt) {
        if (m.id() == null || m.id().isBlank()) {
            throw new MalformedPayload("a message has no id");
        }
        if (m.from() == null || m.from().isBlank()) {
            throw new MalformedPayload("message " + m.id() + " has no sender (from)");
        }
        if ("reaction".equals(m.type())) {
            return Optional.empty(); // an emoji on an earlier message is not a new request
        }
        Content content = content(m);
        Sender sender = new Sender(profileName(contacts, m.from()), null, "+" + m.from(), m.from(), null);
        List<String> replyTo = m.context() == null || m.context().id() == null ? List.of() : List.of(m.context().id());
        return Optional.of(new InboundMessage(
                MessageIds.inbound(Channel.WHATSAPP, m.id()),
                Channel.WHATSAPP,
                inbox,
                m.id(),
                conversationKey(inbox, m.from()),
                epochSeconds(m.timestamp(), m.id()),
                receivedAt,
                sender,
                null,
                content.text(),
                null,
                content.attachments(),
                replyTo,
                false,
                null,
                null));
    }

    private record Content(String text, List<Attachment> attachments) {
    }

    private static Content content(Message m) {
        String type = m.type() == null ? "unknown" : m.type();
        return switch (type) {
            case "text" -> new Content(m.text() == null ? null : m.text().body(), List.of());
            case "image" -> media(m.image());
            case "video" -> media(m.video());
            case "audio" -> media(m.audio());
            case "document" -> media(m.document());
            case "sticker" -> media(m.sticker());
            case "location" -> new Content(location(m.location()), List.of());
            case "interactive" -> new Content(interactiveTitle(m.interactive()), List.of());
            case "button" -> new Content(m.button() == null ? null : m.button().text(), List.of());
            default -> new Content("[unsupported WhatsApp message type: " + type + "]", List.of());
        };
    }

    private static Content media(WhatsAppNotification.Media media) {
        if (media == null) {
            return new Content(null, List.of());
        }
        // Not downloaded here: the media id is the reference until the content is fetched and stored.
        Attachment attachment = new Attachment(media.filename(), media.mimeType(), -1, media.sha256(),
                "whatsapp-media:" + media.id());
        return new Content(media.caption(), List.of(attachment));
    }

    private static String location(WhatsAppNotification.Location l) {
        if (l == null) {
            return null;
        }
        String place = Stream.of(l.name(), l.address())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Location: %s (%s, %s)", place.isEmpty() ? "shared pin" : place,
                l.latitude(), l.longitude());
    }

    private static String interactiveTitle(WhatsAppNotification.Interactive i) {
        if (i == null) {
            return null;
        }
        if (i.buttonReply() != null) {
            return i.buttonReply().title();
        }
        return i.listReply() == null ? null : i.listReply().title();
    }

    private static DeliveryStatus toStatus(Status s, String inbox) {
        if (s.id() == null || s.status() == null) {
            throw new MalformedPayload("a status has no id or status");
        }
        DeliveryStatus.State state;
        switch (s.status()) {
            case "sent" -> state = DeliveryStatus.State.SENT;
            case "delivered" -> state = DeliveryStatus.State.DELIVERED;
            case "read", "played" -> state = DeliveryStatus.State.READ;
            case "failed" -> state = DeliveryStatus.State.FAILED;
            default -> throw new MalformedPayload("unknown status \"" + s.status() + "\" for " + s.id());
        }
        WhatsAppNotification.Error error = s.errors() == null || s.errors().isEmpty() ? null : s.errors().get(0);
        return new DeliveryStatus(
                MessageIds.status(Channel.WHATSAPP, s.id(), s.status()),
                Channel.WHATSAPP,
                inbox,
                s.id(),
                s.recipientId(),
                state,
                epochSeconds(s.timestamp(), s.id()),
                error == null || error.code() == null ? null : String.valueOf(error.code()),
                error == null ? null : error.title());
    }

    private static String profileName(List<Contact> contacts, String waId) {
        for (Contact c : nonNull(contacts)) {
            if (waId.equals(c.waId()) && c.profile() != null) {
                return c.profile().name();
            }
        }
        return null;
    }

    private static Instant epochSeconds(String timestamp, String id) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            throw new MalformedPayload("timestamp of " + id + " is not Unix seconds: \"" + timestamp + "\"");
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package dev.switchboard.routing.contact;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.devkit.providers.SampleMessages;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Realistic messages of unique customers, and resolution the way routing calls it. */
final class ContactStories {
    private ContactStories() {
    }

    static ResolvedContact resolve(Pool pool, ContactResolver resolver, InboundMessage message) {
        return pool.withTransaction(c -> resolver.resolve(c, message))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** A valid Belgian mobile as a WhatsApp id (no '+'). */
    static String newWaId() {
        return "32470" + (100000 + ThreadLocalRandom.current().nextInt(899999));
    }

    static String newEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static InboundMessage whatsapp(String waId, String name, String text) {
        return SampleMessages.whatsapp("wamid." + UUID.randomUUID(), waId, name, text);
    }

    static InboundMessage mail(String from, String name, String text) {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        return message(Channel.EMAIL, messageId, "email:" + messageId, new Sender(name, from, null, null, null), text);
    }

    /** A chat message; the pre-chat form may have given an email and a phone. */
    static InboundMessage chat(String visitorId, String name, String email, String phone, String text) {
        return message(Channel.CHAT, "chat-" + UUID.randomUUID(), "chat:" + visitorId,
                new Sender(name, email, phone, visitorId, null), text);
    }

    private static InboundMessage message(Channel channel, String providerId, String conversation, Sender sender,
                                          String text) {
        Instant now = Instant.now();
        return new InboundMessage(MessageIds.inbound(channel, providerId), channel, "support", providerId, conversation,
                now.minusSeconds(1), now, sender, channel == Channel.EMAIL ? "Help" : null, text, null, null, null,
                false, null, null);
    }
}

package dev.switchboard.routing.classify;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.ContactContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages and contacts for the plain engine tests. */
final class Messages {
    private Messages() {
    }

    static InboundMessage message(Channel channel, String inbox, String subject, String text, String language) {
        String providerId = "test-" + UUID.randomUUID();
        return new InboundMessage(MessageIds.inbound(channel, providerId), channel, inbox, providerId, "conv-1",
                null, Instant.parse("2026-11-24T10:00:00Z"), new Sender("Peter", null, null, null, null),
                subject, text, null, List.of(), List.of(), false, language, null);
    }

    static InboundMessage mail(String subject, String text) {
        return message(Channel.EMAIL, "support@acme.example", subject, text, null);
    }

    static ContactContext plan(String plan) {
        return new ContactContext(UUID.randomUUID(), "Peter", null, plan, null, null, null, null, List.of(), 0, null);
    }

    static Rule rule(String name, int order, Rule.Conditions when, Rule.Actions then) {
        return new Rule(UUID.randomUUID(), name, true, order, when, then);
    }

    static Rule.Conditions keywords(String... words) {
        return new Rule.Conditions(null, null, null, List.of(words), null, null);
    }

    static Rule.Actions category(String category) {
        return new Rule.Actions(null, category, null, null, null, null);
    }

    static Rule.Actions priority(String priority) {
        return new Rule.Actions(null, null, null, null, priority, null);
    }

    static Rule.Actions boost(int levels) {
        return new Rule.Actions(null, null, null, null, null, levels);
    }
}

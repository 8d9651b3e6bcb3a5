package dev.switchboard.ticket.support;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Routing events as routing would publish them, with fresh ids so tests never share data. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    /** A conversation key no other test uses. */
    public static String conversation(Channel channel) {
        return channel.id() + ":" + UUID.randomUUID();
    }

    /** An agent id no other test uses, e.g. {@code alice-3f2a...}: the queue can be filtered on it. */
    public static String agent(String name) {
        return name + "-" + UUID.randomUUID();
    }

    public static InboundMessage message(Channel channel, String conversationKey, String senderName, String text) {
        String providerId = "prov-" + UUID.randomUUID();
        // PostgreSQL keeps microseconds; provider times are at best milliseconds anyway.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new InboundMessage(MessageIds.inbound(channel, providerId), channel, "support-inbox", providerId,
                conversationKey, now.minusSeconds(2), now,
                new Sender(senderName, null, "+32470000000", null, null),
                null, text, null, List.of(), List.of(), false, "en", null);
    }

    /** Assigned to an agent of team {@code tier1}, the team of routing's seeded agents. */
    public static MessageAssigned assigned(InboundMessage message, String contactName, Priority priority, String agentId) {
        return assigned(message, contactName, priority, agentId, "tier1");
    }

    public static MessageAssigned assigned(InboundMessage message, String contactName, Priority priority, String agentId,
                                           String team) {
        return new MessageAssigned(message, contact(contactName), classification(priority), decision(), agentId, team);
    }

    /** As routing publishes it for a known customer: their plan and language come with the contact. */
    public static MessageAssigned assigned(InboundMessage message, ContactContext contact, Priority priority, String agentId) {
        return new MessageAssigned(message, contact, classification(priority), decision(), agentId, "tier-1");
    }

    /** A customer routing knows from the CRM, e.g. on the "enterprise" plan, writing in "fr". */
    public static ContactContext customer(String name, String plan, String language) {
        return new ContactContext(UUID.randomUUID(), name, "ACME", plan, null, null, language, null, List.of(), 0, null);
    }

    /** Assigned, from a known contact: two messages with the same contact id are the same customer. */
    public static MessageAssigned assigned(InboundMessage message, UUID contactId, String contactName, Priority priority,
                                           String agentId) {
        return assigned(message, contactId, contactName, priority, agentId, "tier-1");
    }

    public static MessageAssigned assigned(InboundMessage message, UUID contactId, String contactName, Priority priority,
                                           String agentId, String team) {
        return new MessageAssigned(message, ContactContext.anonymous(contactId, contactName), classification(priority),
                decision(), agentId, team);
    }

    public static MessageQueued queued(InboundMessage message, String contactName, Priority priority) {
        return new MessageQueued(message, contact(contactName), classification(priority), decision(), "general");
    }

    public static DuplicateLinked duplicateOf(InboundMessage message, InboundMessage original, double similarity) {
        return new DuplicateLinked(message, contact("Peter"), classification(Priority.MEDIUM), decision(),
                original.id(), original.conversationKey(), similarity);
    }

    private static ContactContext contact(String name) {
        return ContactContext.anonymous(UUID.randomUUID(), name);
    }

    private static Classification classification(Priority priority) {
        return new Classification("router-x", "connectivity", "networking", "question", priority, "en");
    }

    private static Decision decision() {
        return new Decision(UUID.randomUUID(), Instant.now(), List.of("test decision"));
    }
}

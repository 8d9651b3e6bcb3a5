package dev.switchboard.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.auth.AsUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole decision, from an intake record to the published event, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DecisionPipelineTest {
    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
    private final TopicProbe topics = new TopicProbe(bootstrap);
    private final EventSender sender = new EventSender(bootstrap);

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void anUrgentBillingComplaintIsClassifiedRaisedAndGivenToSomeoneWithBillingSkills() {
        InboundMessage message = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32471" + digits(),
                "Ines", "URGENT: I was charged twice on my last invoice");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);

        MessageAssigned assigned = (MessageAssigned) awaitDecisions(message).get(0);
        assertThat(assigned.classification().category()).isEqualTo("billing");
        assertThat(assigned.classification().skill()).isEqualTo("billing");
        assertThat(assigned.classification().priority()).isEqualTo(Priority.HIGH);
        assertThat(assigned.decision().reasons())
                .anyMatch(r -> r.contains("Billing questions go to billing"))
                .anyMatch(r -> r.contains("Urgency words raise the priority"))
                .anyMatch(r -> r.startsWith("needs whatsapp, tier 1, priority high, skill billing >= 2"));
    }

    @Test
    void theSameProblemOnWhatsAppMinutesAfterAnEmailJoinsTheEmailsConversation() {
        String suffix = digits();
        String email = "peter" + suffix + "@acme.example";
        String phone = "+32472" + suffix;
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Peter Claes\",\"company\":\"Acme NV\",\"identities\":[\"email:" + email
                        + "\",\"phone:" + phone + "\"]}")
                .post("/api/contacts").then().statusCode(201);
        InboundMessage mail = email("<" + UUID.randomUUID() + "@mail.acme.example>", email,
                "Hi, my router X2 keeps dropping wifi every evening since the update. Regards, Peter");
        sender.send(Topics.INTAKE_MESSAGES, mail.conversationKey(), mail);
        assertThat(awaitDecisions(mail).get(0)).isInstanceOf(MessageAssigned.class);

        InboundMessage whatsapp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), phone.substring(1), "Peter",
                "my router x2 keeps dropping wifi every evening since the update");
        sender.send(Topics.INTAKE_MESSAGES, whatsapp.conversationKey(), whatsapp);

        DuplicateLinked linked = (DuplicateLinked) awaitDecisions(whatsapp).get(0);
        assertThat(linked.originalMessageId()).isEqualTo(mail.id());
        assertThat(linked.originalConversationKey()).isEqualTo(mail.conversationKey());
        assertThat(linked.similarity()).isGreaterThanOrEqualTo(0.8);
        assertThat(linked.contact().contactId()).isEqualTo(((MessageAssigned) awaitDecisions(mail).get(0)).contact().contactId());
    }

    @Test
    void theSameMailThroughASecondRouteIsDroppedAndAnAutoReplyOpensNothing() {
        String local = UUID.randomUUID().toString();
        InboundMessage viaImap = email("<" + local + "@Mail.Example.COM>", "ann@example.com", "Printer offline again");
        InboundMessage viaForward = email(local + "@mail.example.com", "ann@example.com", "Printer offline again");
        InboundMessage autoReply = new InboundMessage(MessageIds.inbound(Channel.EMAIL, "<auto-" + local + "@x.example>"),
                Channel.EMAIL, "support@switchboard.example", "<auto-" + local + "@x.example>", "email:auto-" + local,
                Instant.now(), Instant.now(), new Sender("Mailer", "mailer-daemon@x.example", null, null, null),
                "Out of office", "I am out of the office until Monday.", null, List.of(), List.of(), true, null, null);
        sender.send(Topics.INTAKE_MESSAGES, viaImap.conversationKey(), viaImap);
        sender.send(Topics.INTAKE_MESSAGES, viaForward.conversationKey(), viaForward);
        sender.send(Topics.INTAKE_MESSAGES, autoReply.conversationKey(), autoReply);

        // Two conversations, maybe two partitions decided side by side: whichever copy came second is dropped.
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(viaImap).size() + decisionsFor(viaForward).size() == 1
                && AsUser.admin().get("/api/decisions/{id}", viaImap.id()).statusCode() == 200
                && AsUser.admin().get("/api/decisions/{id}", viaForward.id()).statusCode() == 200);
        InboundMessage second = decisionsFor(viaImap).isEmpty() ? viaImap : viaForward;
        AsUser.admin().get("/api/decisions/{id}", second.id()).then()
                .body("event.decision.reasons", hasItem(startsWith("dropped: the same mail")));
        // Another conversation, maybe another partition: it may be decided a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> AsUser.admin().get("/api/decisions/{id}", autoReply.id())
                .then().statusCode(200)
                .body("agentId", equalTo(null))
                .body("event.decision.reasons", hasItem(startsWith("auto-generated"))));
        assertThat(decisionsFor(second)).as("nothing published for the second copy").isEmpty();
        assertThat(decisionsFor(autoReply)).as("nothing published for an auto-reply").isEmpty();
    }

    private static InboundMessage email(String messageId, String from, String text) {
        return new InboundMessage(MessageIds.inbound(Channel.EMAIL, messageId), Channel.EMAIL,
                "support@switchboard.example", messageId, "email:" + messageId, Instant.now().minusSeconds(5),
                Instant.now(), new Sender(null, from, null, null, null), "Help", text, null, List.of(), List.of(),
                false, null, null);
    }

    private static String digits() {
        return String.valueOf(100000 + (int) (Math.random() * 899999));
    }

    private List<RoutingEvent> awaitDecisions(InboundMessage message) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(message), d -> !d.isEmpty());
    }

    private List<RoutingEvent> decisionsFor(InboundMessage message) {
        return topics.readAll(Topics.ROUTING_ASSIGNMENTS,
                        r -> message.id().toString().equals(CloudEvents.read(r.headers()).subject()))
                .stream()
                .map(r -> Json.read(r.value(), RoutingEvent.class))
                .toList();
    }
}

package dev.switchboard.ticket.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class AgentRepliesTest {

    @Test
    void anAgentsReplyLeavesOnTheCustomersWhatsAppAndNotesStayInside() {
        String yara = RoutingEvents.agent("yara");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage question = RoutingEvents.message(Channel.WHATSAPP, conversation, "zoe", "Is my parcel lost?");
        TestKafka.publish(conversation, RoutingEvents.assigned(question, "Zoe", Priority.MEDIUM, yara));
        String ticketId = TicketApi.ticketOf(yara);

        // Written by whoever calls: the supervisor notes, a colleague of the team answers on Yara's ticket.
        TicketApi.post("sam", ticketId, "notes", Map.of("text", "customer is a VIP")).then().statusCode(201)
                .body("direction", is("internal"))
                .body("senderName", is("sam"));
        String replyId = TicketApi.post("alice", ticketId, "replies", Map.of("text", "It is on its way!")).then()
                .statusCode(201)
                .body("senderName", is("alice"))
                .body("direction", is("outbound"))
                .body("channel", is("whatsapp"))
                .body("recipient", is("+32470000000"))
                .body("delivery", is("queued"))
                .extract().path("id");

        TicketApi.get(ticketId).then().body("firstResponseAt", notNullValue()).body(TicketApi.WRITTEN, hasSize(3));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var records = TicketApi.agentReplies(Topics.outbound(Channel.WHATSAPP), conversation);
            assertThat(records).hasSize(1);
            assertThat(TicketApi.ceId(records.get(0))).isEqualTo(replyId);
            assertThat(TicketApi.ceType(records.get(0))).isEqualTo("dev.switchboard.outbound.message");
            OutboundMessage sent = Json.read(records.get(0).value(), OutboundMessage.class);
            assertThat(sent.text()).isEqualTo("It is on its way!");
            assertThat(sent.recipient()).isEqualTo("+32470000000");
            assertThat(sent.agentId()).isEqualTo("alice");
            assertThat(sent.inReplyTo()).isEqualTo(question.providerMessageId());
        });
        // Routing hears that Yara's conversation was answered, so it will not offer it to someone else.
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(
                TicketApi.records(Topics.TICKET_EVENTS, ticketId).stream()
                        .map(r -> Json.read(r.value(), TicketEvent.class))
                        .filter(e -> e instanceof TicketEvent.AgentReplied)
                        .map(e -> (TicketEvent.AgentReplied) e)
                        .toList())
                .singleElement()
                .satisfies(replied -> {
                    assertThat(replied.agentId()).isEqualTo(yara);
                    assertThat(replied.conversationKey()).isEqualTo(conversation);
                }));
    }

    /**
     * The relay crashed after the broker acknowledged but before it marked the row: simulated by
     * clearing the row's sent mark. The reply is published again with the same CloudEvents id, which
     * is the reply id that channels send once: a consumer that dedupes on ce_id sends it once.
     */
    @Test
    void aRelayCrashBeforeMarkingRepublishesTheReplyWithTheSameEventId() {
        String abe = RoutingEvents.agent("abe");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "bea", "Wrong size"), "Bea", Priority.LOW, abe));
        String ticketId = TicketApi.ticketOf(abe);
        String replyId = TicketApi.post(ticketId, "replies", Map.of("text", "We will swap it")).then()
                .statusCode(201).extract().path("id");
        await().atMost(TicketApi.PATIENCE).until(() -> TicketApi.agentReplies(Topics.outbound(Channel.WHATSAPP), conversation).size() == 1);
        await().atMost(TicketApi.PATIENCE).until(() -> TicketApi.sql(
                "update ticket.outbox set sent_at = sent_at where event_id = ? and sent_at is not null", UUID.fromString(replyId)) == 1);

        TicketApi.sql("update ticket.outbox set sent_at = null where event_id = ?", UUID.fromString(replyId));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var records = TicketApi.agentReplies(Topics.outbound(Channel.WHATSAPP), conversation);
            assertThat(records).hasSize(2);
            assertThat(records).extracting(TicketApi::ceId).containsOnly(replyId);
            assertThat(records).extracting(TicketApi::text).containsOnly(TicketApi.text(records.get(0)));
        });
        await().atMost(TicketApi.PATIENCE).until(() -> TicketApi.sql(
                "update ticket.outbox set sent_at = sent_at where event_id = ? and sent_at is not null", UUID.fromString(replyId)) == 1);
    }

    @Test
    void repliesOfOneConversationLeaveInTheOrderTheyWereWritten() {
        String cas = RoutingEvents.agent("cas");
        String conversation = RoutingEvents.conversation(Channel.TELEGRAM);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.TELEGRAM, conversation, "dan", "Three questions"), "Dan", Priority.LOW, cas));
        String ticketId = TicketApi.ticketOf(cas);
        for (String text : List.of("one", "two", "three", "four")) {
            TicketApi.post(ticketId, "replies", Map.of("text", text)).then().statusCode(201);
        }
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(
                TicketApi.agentReplies(Topics.outbound(Channel.TELEGRAM), conversation))
                .extracting(r -> Json.read(r.value(), OutboundMessage.class).text())
                .containsExactly("one", "two", "three", "four"));
    }

    @Test
    void anAgentMayAnswerAWhatsAppTicketByEmailWhenTheCustomersAddressIsKnown() {
        String eli = RoutingEvents.agent("eli");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        String providerId = "wamid-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        InboundMessage message = new InboundMessage(MessageIds.inbound(Channel.WHATSAPP, providerId), Channel.WHATSAPP,
                "support-inbox", providerId, conversation, now, now,
                new Sender("Fay", "fay@example.com", "+32471111111", null, null),
                null, "Please send me the invoice by mail", null, List.of(), List.of(), false, "en", null);
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Fay", Priority.LOW, eli));
        String ticketId = TicketApi.ticketOf(eli);

        TicketApi.post(ticketId, "replies", Map.of("text", "Invoice attached", "channel", "email")).then()
                .statusCode(201).body("channel", is("email")).body("recipient", is("fay@example.com"));
        TicketApi.post(ticketId, "replies", Map.of("text", "Hi", "channel", "telegram")).then()
                .statusCode(400).body("detail", containsString("no known address on telegram"));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var records = TicketApi.agentReplies(Topics.outbound(Channel.EMAIL), conversation);
            assertThat(records).hasSize(1);
            OutboundMessage mail = Json.read(records.get(0).value(), OutboundMessage.class);
            assertThat(mail.recipient()).isEqualTo("fay@example.com");
            assertThat(mail.subject()).startsWith("Re: ");
        });
    }

    @Test
    void aReplyOnAClosedTicketIsRefused() {
        String flo = RoutingEvents.agent("flo");
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, conversation, "gus", "Thanks, done"), "Gus", Priority.LOW, flo));
        String ticketId = TicketApi.ticketOf(flo);
        TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);
        TicketApi.post(ticketId, "status", Map.of("status", "closed")).then().statusCode(200);

        TicketApi.post(ticketId, "replies", Map.of("text", "bye")).then()
                .statusCode(409).contentType("application/problem+json").body("type", containsString("ticket-closed"));
        TicketApi.post(ticketId, "replies", Map.of("text", " ")).then().statusCode(400);
    }
}

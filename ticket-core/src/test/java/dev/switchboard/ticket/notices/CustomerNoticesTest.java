package dev.switchboard.ticket.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.Conversations;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the customer hears without an agent typing: acknowledgement, escalation, survey. */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class CustomerNoticesTest {
    static final ZoneId CALENDAR_ZONE = ZoneId.of("Europe/Brussels");

    @Test
    void aNewTicketIsAcknowledgedInTheCustomersLanguageWithItsNumberAndTheExpectedFirstAnswer() {
        Conversations chat = Conversations.start("amy", Priority.HIGH, RoutingEvents.customer("Chloé", null, "fr"));
        String ticketId = chat.open("Ma box ne marche plus");

        OutboundMessage ack = chat.awaitSent(1);
        JsonPath ticket = TicketApi.get(ticketId).then().statusCode(200).extract().jsonPath();
        Instant due = Instant.parse(ticket.getString("sla.firstResponse.dueAt"));
        assertThat(ack.text()).contains("#" + ticket.getLong("number"))
                .contains(NoticeText.dueTime(due, "fr", "en", CALENDAR_ZONE));
        assertThat(ack.recipient()).isEqualTo("+32470000000");
        assertThat(ack.agentId()).isNull();
        // In the conversation as an automatic message; it is not the agent's first answer.
        assertThat(ticket.getList("messages.findAll { it.automatic }.text", String.class)).containsExactly(ack.text());
        assertThat(ticket.getString("firstResponseAt")).isNull();
        assertThat(ticket.getString("contact.language")).isEqualTo("fr");
        // Exactly once, also after more relay ticks.
        await().pollDelay(Duration.ofSeconds(2)).atMost(TicketApi.PATIENCE).until(() -> chat.sent().size() == 1);
    }

    @Test
    void anEscalationTellsTheCustomerWhenToExpectTheSolution() {
        Conversations chat = Conversations.start("bea", Priority.MEDIUM);
        String ticketId = chat.open("Invoices are wrong since the migration");
        chat.awaitSent(1);

        TicketApi.post(ticketId, "escalate", Map.of("reason", "billing bug")).then().statusCode(200).body("tier", is(2));

        OutboundMessage notice = chat.awaitSent(2);
        Instant due = Instant.parse(TicketApi.get(ticketId).then().extract().path("sla.resolution.dueAt"));
        assertThat(notice.text()).contains("tier 2").contains(NoticeText.dueTime(due, "en", "en", CALENDAR_ZONE));
    }

    @Test
    void aDigitReplyToTheSurveyIsTheRatingAndLeavesTheTicketSolved() {
        Conversations chat = Conversations.start("cid", Priority.LOW);
        String ticketId = chat.open("How do I change my plan?");
        TicketApi.post(ticketId, "replies", Map.of("text", "Under Settings > Plan.")).then().statusCode(201);
        Conversations.solveAndGetSurveyToken(ticketId);
        assertThat(chat.awaitSent(3).text()).contains("/csat/").contains("1 (poor) to 5 (excellent)");

        chat.customerWrites("5");

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("csat.rating", is(5))
                .body("csat.channel", is("whatsapp"))
                .body("csat.comment", nullValue())
                .body("status", is("solved"))
                .body("reopenCount", is(0))
                .body("messages[-1].text", is("5")));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(
                Conversations.events(ticketId, TicketEvent.CsatReceived.class)).singleElement()
                .satisfies(csat -> {
                    assertThat(csat.rating()).isEqualTo(5);
                    assertThat(csat.conversationKey()).isEqualTo(chat.key());
                }));
        // The rating gets no automatic answer and no next-response clock.
        TicketApi.get(ticketId).then().body("sla.nextResponse.dueAt", nullValue());
        assertThat(chat.sent()).hasSize(3);
    }

    @Test
    void aRealMessageAfterTheSurveyReopensTheTicket() {
        Conversations chat = Conversations.start("dov", Priority.MEDIUM);
        String ticketId = chat.open("Router drops every hour");
        Conversations.solveAndGetSurveyToken(ticketId);

        chat.customerWrites("5 stars, but it dropped again this morning");

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("status", is("open"))
                .body("reopenCount", is(1))
                .body("csat", nullValue()));
    }

    @Test
    void aDigitOnAnOpenTicketIsJustAMessage() {
        Conversations chat = Conversations.start("eli", Priority.MEDIUM);
        String ticketId = chat.open("Which port do I forward?");

        chat.customerWrites("3");

        Conversations.awaitMessages(ticketId, 3);
        TicketApi.get(ticketId).then().body("csat", nullValue()).body("status", is("open"))
                .body("messages[-1].text", is("3"));
    }
}

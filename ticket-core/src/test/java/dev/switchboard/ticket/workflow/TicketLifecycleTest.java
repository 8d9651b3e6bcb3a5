package dev.switchboard.ticket.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class TicketLifecycleTest {

    @Test
    void solvingPublishesSolvedWithTheConversationKeySoRoutingFreesTheAgent() {
        String kim = RoutingEvents.agent("kim");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "tom", "Screen is black"), "Tom", Priority.HIGH, kim));
        String ticketId = TicketApi.ticketOf(kim);

        TicketApi.post(ticketId, "status", Map.of("status", "solved")).then()
                .statusCode(200)
                .body("status", is("solved"))
                .body("solvedAt", notNullValue());

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var events = TicketApi.records(Topics.TICKET_EVENTS, ticketId);
            assertThat(events).extracting(TicketApi::ceType)
                    .containsExactly("dev.switchboard.ticket.created", "dev.switchboard.ticket.solved");
            TicketEvent.Solved solved = (TicketEvent.Solved) Json.read(events.get(1).value(), TicketEvent.class);
            assertThat(solved.conversationKey()).isEqualTo(conversation);
            assertThat(solved.assigneeId()).isEqualTo(kim);
            assertThat(TicketApi.ceId(events.get(1))).isEqualTo(solved.eventId().toString());
        });
    }

    @Test
    void aCustomerWritingOnASolvedTicketReopensIt() {
        String lea = RoutingEvents.agent("lea");
        String conversation = RoutingEvents.conversation(Channel.TELEGRAM);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.TELEGRAM, conversation, "max", "Login fails"), "Max", Priority.MEDIUM, lea));
        String ticketId = TicketApi.ticketOf(lea);
        TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);

        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.TELEGRAM, conversation, "max", "It fails again"), "Max", Priority.MEDIUM, lea));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("status", is("open"))
                .body("reopenCount", is(1))
                .body("solvedAt", nullValue())
                .body(TicketApi.WRITTEN, hasSize(2)));
    }

    @Test
    void aCustomerWritingAfterCloseGetsANewFollowUpTicketLinkedToTheClosedOne() {
        String mia = RoutingEvents.agent("mia");
        String conversation = RoutingEvents.conversation(Channel.EMAIL);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.EMAIL, conversation, "ann", "Refund please"), "Ann", Priority.MEDIUM, mia));
        String closedId = TicketApi.ticketOf(mia);
        TicketApi.post(closedId, "status", Map.of("status", "solved")).then().statusCode(200);
        TicketApi.post(closedId, "status", Map.of("status", "closed")).then().statusCode(200).body("status", is("closed"));

        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.EMAIL, conversation, "ann", "The refund never came"), "Ann", Priority.MEDIUM, mia));

        String followUpId = TicketApi.ticketOf(mia);
        assertThat(followUpId).isNotEqualTo(closedId);
        TicketApi.get(followUpId).then()
                .body("followUpOf", is(closedId))
                .body("status", is("open"))
                .body(TicketApi.WRITTEN, hasSize(1));
        TicketApi.get(closedId).then().body("status", is("closed")).body(TicketApi.WRITTEN, hasSize(1));
    }

    @Test
    void aForbiddenTransitionIsA409ProblemAndChangesNothing() {
        String ned = RoutingEvents.agent("ned");
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, conversation, "eve", "Hi"), "Eve", Priority.LOW, ned));
        String ticketId = TicketApi.ticketOf(ned);

        TicketApi.post(ticketId, "status", Map.of("status", "closed")).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("transition-forbidden"))
                .body("detail", containsString("cannot become closed"));
        TicketApi.post(ticketId, "status", Map.of("status", "nonsense")).then().statusCode(400);
        TicketApi.get(ticketId).then().body("status", is("open"));
    }

    @Test
    void escalationRaisesTheTierAndKeepsTheReasonAsAnInternalNote() {
        String olly = RoutingEvents.agent("olly");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "pat", "Outage at our office"), "Pat", Priority.HIGH, olly));
        String ticketId = TicketApi.ticketOf(olly);

        TicketApi.post(ticketId, "escalate", Map.of("reason", "needs network engineering")).then()
                .statusCode(200)
                .body("tier", is(2))
                .body("status", is("escalated"))
                .body(TicketApi.WRITTEN, hasSize(2))
                .body(TicketApi.WRITTEN + "[1].direction", is("internal"))
                .body(TicketApi.WRITTEN + "[1].text", is("Escalated to tier 2: needs network engineering"))
                // The admin escalated it, not olly who holds it: the note says who did.
                .body(TicketApi.WRITTEN + "[1].author", is(TicketApi.ADMIN));
        TicketApi.post(ticketId, "escalate", Map.of("reason", "core routers")).then().statusCode(200).body("tier", is(3));
        TicketApi.post(ticketId, "escalate", Map.of("reason", "more")).then()
                .statusCode(409).body("type", containsString("escalation-forbidden"));
        TicketApi.post(ticketId, "escalate", Map.of()).then().statusCode(400);
    }

    @Test
    void assigningToAnotherAgentPublishesAssignedWithThePreviousOne() {
        String pia = RoutingEvents.agent("pia");
        String quinn = RoutingEvents.agent("quinn");
        String conversation = RoutingEvents.conversation(Channel.EMAIL);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.EMAIL, conversation, "rob", "Password reset"), "Rob", Priority.LOW, pia));
        String ticketId = TicketApi.ticketOf(pia);

        TicketApi.post(ticketId, "assign", Map.of("agentId", quinn)).then().statusCode(200).body("assignee", is(quinn));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var events = TicketApi.records(Topics.TICKET_EVENTS, ticketId);
            assertThat(events).hasSize(2);
            TicketEvent.Assigned assigned = (TicketEvent.Assigned) Json.read(events.get(1).value(), TicketEvent.class);
            assertThat(assigned.assigneeId()).isEqualTo(quinn);
            assertThat(assigned.previousAssigneeId()).isEqualTo(pia);
            assertThat(assigned.manual()).as("a person moved it: routing's hold must follow").isTrue();
        });
    }

    @Test
    void aChangeMadeOnAStaleViewIsRefusedWith409() {
        String rea = RoutingEvents.agent("rea");
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        InboundMessage message = RoutingEvents.message(Channel.CHAT, conversation, "sid", "Help");
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Sid", Priority.LOW, rea));
        String ticketId = TicketApi.ticketOf(rea);
        int seen = TicketApi.get(ticketId).then().extract().path("version");

        // Another agent acts first, on the same view.
        TicketApi.as(TicketApi.ADMIN).contentType(ContentType.JSON).header("If-Match", "\"" + seen + "\"").body(Map.of("status", "pending"))
                .post("/api/tickets/{id}/status", ticketId).then().statusCode(200).body("version", is(seen + 1));
        TicketApi.as(TicketApi.ADMIN).contentType(ContentType.JSON).header("If-Match", "\"" + seen + "\"").body(Map.of("status", "on-hold"))
                .post("/api/tickets/{id}/status", ticketId).then()
                .statusCode(409)
                .body("type", containsString("stale-ticket"));
        TicketApi.get(ticketId).then().body("status", is("pending"));
    }
}

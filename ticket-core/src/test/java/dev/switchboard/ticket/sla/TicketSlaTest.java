package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test profile's calendar is 24/7, so a due time is creation + target (critical: 1 h, 8 h). */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class TicketSlaTest {

    @Test
    void aNewCriticalTicketIsDueForAFirstReplyWithinTheHour() {
        String ticketId = openTicket("ava", Priority.CRITICAL, "Checkout is down");
        var ticket = TicketApi.get(ticketId).then().statusCode(200).extract().jsonPath();
        Instant created = Instant.parse(ticket.getString("createdAt"));

        assertThat(Instant.parse(ticket.getString("sla.firstResponse.dueAt"))).isEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(ticket.getString("sla.resolution.dueAt"))).isEqualTo(created.plus(Duration.ofHours(8)));
        assertThat(ticket.getBoolean("sla.firstResponse.breached")).isFalse();
    }

    @Test
    void raisingThePriorityBringsTheDueTimesForward() {
        String ticketId = openTicket("ben", Priority.LOW, "Typo on the invoice");
        Instant created = Instant.parse(TicketApi.get(ticketId).then().extract().path("createdAt"));

        TicketApi.post(ticketId, "priority", Map.of("priority", "high")).then()
                .statusCode(200)
                .body("priority", is("high"))
                .body("sla.firstResponse.dueAt", is(created.plus(Duration.ofHours(4)).toString()));
    }

    @Test
    void waitingOnTheCustomerStopsTheClock() {
        String ticketId = openTicket("cleo", Priority.HIGH, "Where is my parcel?");
        // Pretend the ticket has been pending for two hours: those hours must not count.
        TicketApi.post(ticketId, "status", Map.of("status", "pending")).then().statusCode(200).body("sla.paused", is(true));
        Instant dueBefore = Instant.parse(TicketApi.get(ticketId).then().extract().path("sla.firstResponse.dueAt"));
        TicketApi.sql("update ticket.ticket set sla_paused_at = sla_paused_at - interval '2 hours' where id = ?", UUID.fromString(ticketId));

        TicketApi.post(ticketId, "status", Map.of("status", "open")).then()
                .statusCode(200)
                .body("sla.paused", is(false))
                .body("sla.firstResponse.dueAt", is(dueBefore.plus(Duration.ofHours(2)).toString()));
    }

    @Test
    void theQueueShowsTheTicketDueFirstFirstWithinAPriority() {
        String dan = RoutingEvents.agent("dan");
        String later = openTicket(dan, Priority.MEDIUM, "Change my address", 1);
        String sooner = openTicket(dan, Priority.MEDIUM, "Refund please", 2);
        // The second ticket came later but its clock runs out first.
        TicketApi.sql("update ticket.ticket set sla_due_at = now() + interval '5 minutes' where id = ?", UUID.fromString(sooner));

        TicketApi.as(TicketApi.ADMIN).queryParam("assignee", dan).get("/api/queue").then()
                .statusCode(200)
                .body("id", contains(sooner, later))
                .body("[0].sla.firstResponse.dueAt", notNullValue());
    }

    @Test
    void aClockCloseToItsDueTimeWarns() {
        String ticketId = openTicket("eve", Priority.CRITICAL, "Payments fail");
        TicketApi.sql("update ticket.ticket set first_response_due_at = now() + interval '5 minutes' where id = ?",
                UUID.fromString(ticketId));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("sla.firstResponse.warnedAt", notNullValue())
                .body("sla.firstResponse.breached", is(false))
                .body("sla.resolution.warnedAt", nullValue()));
    }

    @Test
    void aBreachIsPublishedOnce() {
        String ticketId = openTicket("finn", Priority.CRITICAL, "Nobody can log in");
        TicketApi.sql("update ticket.ticket set first_response_due_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(ticketId));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            TicketApi.get(ticketId).then().body("sla.firstResponse.breached", is(true));
            assertThat(breaches(ticketId)).singleElement().satisfies(breach -> {
                assertThat(breach.target()).isEqualTo("first-response");
                assertThat(breach.dueAt()).isNotNull();
            });
        });
        // Several more ticks of the watch job: still one event, in the outbox and on the topic.
        await().pollDelay(Duration.ofSeconds(3)).atMost(TicketApi.PATIENCE).untilAsserted(() ->
                assertThat(breaches(ticketId)).hasSize(1));
    }

    @Test
    void aReplyInTimeStopsTheFirstResponseClock() {
        String ticketId = openTicket("gus", Priority.HIGH, "Cannot reset my password");
        TicketApi.post(ticketId, "replies", Map.of("text", "Looking into it")).then().statusCode(201);
        // The due time has passed by now, but the reply came just before it.
        TicketApi.sql("update ticket.ticket set first_response_due_at = first_response_at + interval '1 millisecond'"
                + " where id = ?", UUID.fromString(ticketId));

        // A few ticks of the watch job later: no breach on a stopped clock.
        await().pollDelay(Duration.ofSeconds(3)).atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            TicketApi.get(ticketId).then()
                    .body("sla.firstResponse.stoppedAt", notNullValue())
                    .body("sla.firstResponse.breached", is(false));
            assertThat(breaches(ticketId)).isEmpty();
        });
    }

    private static List<TicketEvent.SlaBreached> breaches(String ticketId) {
        return TicketApi.records(Topics.TICKET_EVENTS, ticketId).stream()
                .map(r -> Json.read(r.value(), TicketEvent.class))
                .filter(TicketEvent.SlaBreached.class::isInstance)
                .map(TicketEvent.SlaBreached.class::cast)
                .toList();
    }

    private static String openTicket(String agentName, Priority priority, String text) {
        return openTicket(RoutingEvents.agent(agentName), priority, text, 1);
    }

    /** Opens a ticket for an agent whose queue then holds {@code expected} tickets; its id. */
    private static String openTicket(String agent, Priority priority, String text, int expected) {
        List<String> before = idsOf(agent);
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "cust", text), "Customer", priority, agent));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(idsOf(agent)).hasSize(expected));
        List<String> after = new java.util.ArrayList<>(idsOf(agent));
        after.removeAll(before);
        return after.get(0);
    }

    private static List<String> idsOf(String agent) {
        return TicketApi.as(TicketApi.ADMIN).queryParam("assignee", agent).get("/api/queue").then().statusCode(200).extract().path("id");
    }
}

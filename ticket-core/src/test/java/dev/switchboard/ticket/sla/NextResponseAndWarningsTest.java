package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.Conversations;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The next-response clock, plan targets and warnings on running tickets. The test profile's
 * calendar is 24/7: a due time is start + target (critical next response: 2 h).
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class NextResponseAndWarningsTest {

    @Test
    void theCustomersAnswerAfterTheAgentsReplyIsDueForANextReplyWhichStopsTheClock() {
        Conversations chat = Conversations.start("kim", Priority.CRITICAL);
        String ticketId = chat.open("VPN down for the whole office");
        TicketApi.post(ticketId, "replies", Map.of("text", "Can you restart the gateway?")).then().statusCode(201);
        TicketApi.get(ticketId).then().body("sla.nextResponse.dueAt", nullValue());

        Instant before = Instant.now();
        chat.customerWrites("Restarted, still down");
        await().atMost(TicketApi.PATIENCE).untilAsserted(() ->
                TicketApi.get(ticketId).then().body("sla.nextResponse.dueAt", notNullValue()));
        Instant due = Instant.parse(TicketApi.get(ticketId).then().extract().path("sla.nextResponse.dueAt"));
        assertThat(due).isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));

        TicketApi.post(ticketId, "replies", Map.of("text", "Escalating to the network team")).then().statusCode(201);
        TicketApi.get(ticketId).then()
                .body("sla.nextResponse.stoppedAt", notNullValue())
                .body("sla.nextResponse.breached", is(false));
    }

    @Test
    void anEnterpriseCustomerIsOwedAFirstReplyWithinHalfAnHour() {
        Conversations chat = Conversations.start("lou", Priority.CRITICAL, RoutingEvents.customer("Big Corp", "Enterprise", "en"));
        String ticketId = chat.open("Production outage");

        var ticket = TicketApi.get(ticketId).then().statusCode(200).body("contact.plan", is("enterprise")).extract().jsonPath();
        Instant created = Instant.parse(ticket.getString("createdAt"));
        assertThat(Instant.parse(ticket.getString("sla.firstResponse.dueAt"))).isEqualTo(created.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(ticket.getString("sla.resolution.dueAt"))).isEqualTo(created.plus(Duration.ofHours(4)));
    }

    @Test
    void aClockNearItsDueTimeWarnsRoutingOnceBeforeItBreaches() {
        Conversations chat = Conversations.start("max", Priority.HIGH);
        String ticketId = chat.open("Orders are not syncing");
        TicketApi.sql("update ticket.ticket set first_response_due_at = now() + interval '5 minutes' where id = ?",
                UUID.fromString(ticketId));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            TicketApi.get(ticketId).then().body("sla.firstResponse.warnedAt", notNullValue());
            assertThat(Conversations.events(ticketId, TicketEvent.SlaWarning.class)).singleElement()
                    .satisfies(w -> assertThat(w.target()).isEqualTo("first-response"));
        });
        // More ticks of the watch job: still one warning, and no breach yet.
        await().pollDelay(Duration.ofSeconds(3)).atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            assertThat(Conversations.events(ticketId, TicketEvent.SlaWarning.class)).hasSize(1);
            assertThat(Conversations.events(ticketId, TicketEvent.SlaBreached.class)).isEmpty();
        });
    }

    @Test
    void eachNextResponseCycleIsWarnedAndBreachedOnce() {
        Conversations chat = Conversations.start("ned", Priority.CRITICAL);
        String ticketId = chat.open("Card payments declined");
        TicketApi.post(ticketId, "replies", Map.of("text", "Which card brand?")).then().statusCode(201);
        chat.customerWrites("Visa");
        awaitCycle(ticketId, 1);
        overdue(ticketId);
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            TicketApi.get(ticketId).then().body("sla.nextResponse.breached", is(true));
            assertThat(nextResponse(ticketId, TicketEvent.SlaBreached.class)).hasSize(1);
        });

        // The agent answers late; the customer writes again: a new cycle, a new breach.
        TicketApi.post(ticketId, "replies", Map.of("text", "Fixed, please retry")).then().statusCode(201);
        chat.customerWrites("Still declined");
        awaitCycle(ticketId, 2);
        TicketApi.get(ticketId).then().body("sla.nextResponse.breached", is(false));
        warnSoon(ticketId);
        await().atMost(TicketApi.PATIENCE).untilAsserted(() ->
                assertThat(nextResponse(ticketId, TicketEvent.SlaWarning.class)).hasSize(1));
        overdue(ticketId);
        await().atMost(TicketApi.PATIENCE).untilAsserted(() ->
                assertThat(nextResponse(ticketId, TicketEvent.SlaBreached.class)).hasSize(2)
                        .extracting(TicketEvent::eventId).doesNotHaveDuplicates());
        await().pollDelay(Duration.ofSeconds(3)).atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            assertThat(nextResponse(ticketId, TicketEvent.SlaBreached.class)).hasSize(2);
            assertThat(nextResponse(ticketId, TicketEvent.SlaWarning.class)).hasSize(1);
        });
    }

    private static void awaitCycle(String ticketId, int cycle) {
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("sla.nextResponse.dueAt", notNullValue())
                .body("sla.nextResponse.stoppedAt", nullValue()));
        Conversations.awaitMessages(ticketId, 2 + 2 * cycle);
    }

    private static void overdue(String ticketId) {
        TicketApi.sql("update ticket.ticket set next_response_due_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(ticketId));
    }

    private static void warnSoon(String ticketId) {
        TicketApi.sql("update ticket.ticket set next_response_due_at = now() + interval '5 minutes' where id = ?",
                UUID.fromString(ticketId));
    }

    private static <T extends TicketEvent> List<TicketEvent> nextResponse(String ticketId, Class<T> type) {
        return Conversations.events(ticketId).stream()
                .filter(type::isInstance)
                .filter(e -> "next-response".equals(e instanceof TicketEvent.SlaBreached b ? b.target()
                        : ((TicketEvent.SlaWarning) e).target()))
                .toList();
    }
}

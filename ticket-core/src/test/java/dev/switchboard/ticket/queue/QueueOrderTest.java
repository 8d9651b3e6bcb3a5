package dev.switchboard.ticket.queue;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class QueueOrderTest {

    @Test
    void aCriticalTicketComesBeforeALowOneCreatedEarlier() {
        String erin = RoutingEvents.agent("erin");
        String lowKey = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(lowKey, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, lowKey, "kim", "How do I change my avatar?"), "Kim", Priority.LOW, erin));
        // The low ticket must exist first, so that only its priority can put the critical one ahead.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> queueOf(erin).body("", hasSize(1)));

        String criticalKey = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(criticalKey, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, criticalKey, "ops", "Whole office offline"), "Ops", Priority.CRITICAL, erin));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> queueOf(erin)
                .body("priority", contains("critical", "low"))
                .body("subject", contains("Whole office offline", "How do I change my avatar?")));
        // The priority filter narrows the same queue to one priority.
        TicketApi.as(TicketApi.ADMIN).queryParam("assignee", erin).queryParam("priority", "low").get("/api/queue")
                .then().statusCode(200).body("subject", contains("How do I change my avatar?"));
    }

    @Test
    void aQueuedMessageOpensANewUnassignedTicketThatTheStatusFilterFinds() {
        String key = RoutingEvents.conversation(Channel.INSTAGRAM);
        String contact = "Queued " + key;
        TestKafka.publish(key, RoutingEvents.queued(
                RoutingEvents.message(Channel.INSTAGRAM, key, "ig_user", "Is my order shipped?"), contact, Priority.MEDIUM));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TicketApi.as(TicketApi.ADMIN)
                .queryParam("status", "new").queryParam("channel", "instagram").queryParam("limit", 200)
                .get("/api/queue")
                .then()
                .statusCode(200)
                .body("findAll { it.contactName == '" + contact + "' }.status", contains("new"))
                .body("findAll { it.contactName == '" + contact + "' }.assignee", contains((Object) null)));
    }

    @Test
    void anUnknownStatusFilterIsABadRequest() {
        TicketApi.as(TicketApi.ADMIN).queryParam("status", "sleeping")
                .get("/api/queue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400));
    }

    @Test
    void anUnknownPriorityFilterIsABadRequest() {
        TicketApi.as(TicketApi.ADMIN).queryParam("priority", "whenever")
                .get("/api/queue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse queueOf(String assignee) {
        return TicketApi.as(TicketApi.ADMIN).queryParam("assignee", assignee).get("/api/queue").then().statusCode(200);
    }
}

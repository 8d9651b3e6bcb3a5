package dev.switchboard.ticket.bulk;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class BulkActionsTest {

    @Test
    void solvingSeveralTicketsAtOnceReportsEachOneAndAFailureDoesNotHoldBackTheOthers() {
        String dee = RoutingEvents.agent("dee");
        String first = ticket(dee, "Printer jams");
        String second = ticket(dee, "Printer offline");
        TicketApi.post(second, "status", Map.of("status", "solved")).then().statusCode(200);
        String unknown = UUID.randomUUID().toString();

        bulk(List.of(first, second, unknown, "not-an-id"), "status", "solved").statusCode(200)
                .body("succeeded", is(1))
                .body("failed", is(3))
                .body("results.id", contains(first, second, unknown, "not-an-id"))
                .body("results.status", contains(200, 409, 404, 400))
                .body("results[1].problem", is("transition-forbidden"));
        TicketApi.get(first).then().body("status", is("solved"));
        TicketApi.get(second).then().body("status", is("solved"));
    }

    @Test
    void tagsPrioritiesAndAssigneesChangeForEveryTicketListed() {
        String eli = RoutingEvents.agent("eli");
        String fay = RoutingEvents.agent("fay");
        String first = ticket(eli, "Refund");
        String second = ticket(eli, "Refund again");
        List<String> both = List.of(first, second);

        bulk(both, "tag", "Billing").statusCode(200).body("succeeded", is(2));
        bulk(both, "priority", "high").statusCode(200).body("succeeded", is(2));
        bulk(both, "assign", fay).statusCode(200).body("succeeded", is(2));

        TicketApi.as(TicketApi.ADMIN).queryParam("assignee", fay).get("/api/queue").then()
                .body("", hasSize(2))
                .body("priority", contains("high", "high"));
        TicketApi.get(first).then().body("tags", contains("billing"));
        bulk(List.of(first), "untag", "billing").statusCode(200);
        TicketApi.get(first).then().body("tags", hasSize(0));
    }

    @Test
    void anUnknownActionOrBadValueRefusesTheWholeRequest() {
        String ticket = ticket(RoutingEvents.agent("gus"), "Hello");
        bulk(List.of(ticket), "delete", "x").statusCode(400).body("detail", containsString("unknown action"));
        bulk(List.of(ticket), "status", "sleeping").statusCode(400);
        bulk(List.of(), "status", "solved").statusCode(400);
        TicketApi.get(ticket).then().body("status", is("open"));
    }

    private static ValidatableResponse bulk(List<String> ids, String action, String value) {
        return TicketApi.as(TicketApi.ADMIN).contentType(ContentType.JSON).body(Map.of("ids", ids, "action", action, "value", value))
                .post("/api/tickets/bulk").then();
    }

    private static String ticket(String agent, String text) {
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, conversation, "cus", text), "Cus", Priority.LOW, agent));
        return TicketApi.ticketOfConversation(conversation);
    }
}

package dev.switchboard.ticket.bulk;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

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

    @Test
    void anAgentsBulkActionTouchesOnlyTheirTeamsTicketsAndNeverPriorities() {
        // dave is an agent of tier2; alice of tier1, like these tickets.
        String tier1 = ticket(RoutingEvents.agent("hal"), "Invoice twice");

        bulk("dave", List.of(tier1), "tag", "seen").statusCode(200)
                .body("failed", is(1))
                .body("results[0].status", is(404));
        // The same answer as an unknown id, whatever the action: handing it on (403 otherwise) included.
        String unknown = UUID.randomUUID().toString();
        bulk("dave", List.of(tier1, unknown), "assign", "bob").statusCode(200)
                .body("results.status", contains(404, 404))
                .body("results.problem", contains("ticket-not-found", "ticket-not-found"))
                .body("results[0].detail", is("no ticket with id " + tier1))
                .body("results[1].detail", is("no ticket with id " + unknown));
        bulk("dave", List.of(tier1), "status", "solved").statusCode(200).body("results[0].status", is(404));
        bulk("alice", List.of(tier1), "priority", "critical").statusCode(403);
        bulk("alice", List.of(tier1), "assign", "bob").statusCode(200).body("results[0].status", is(403));

        TicketApi.get(tier1).then().body("tags", hasSize(0)).body("priority", is("low"))
                .body("assignee", startsWith("hal-"));
        bulk("alice", List.of(tier1), "tag", "seen").statusCode(200).body("succeeded", is(1));
    }

    private static ValidatableResponse bulk(List<String> ids, String action, String value) {
        return bulk(TicketApi.ADMIN, ids, action, value);
    }

    private static ValidatableResponse bulk(String user, List<String> ids, String action, String value) {
        return TicketApi.as(user).contentType(ContentType.JSON).body(Map.of("ids", ids, "action", action, "value", value))
                .post("/api/tickets/bulk").then();
    }

    private static String ticket(String agent, String text) {
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, conversation, "cus", text), "Cus", Priority.LOW, agent));
        return TicketApi.ticketOfConversation(conversation);
    }
}

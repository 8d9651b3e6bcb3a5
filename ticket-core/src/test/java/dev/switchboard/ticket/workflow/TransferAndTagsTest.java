package dev.switchboard.ticket.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class TransferAndTagsTest {

    @Test
    void aTicketTransferredToAnotherTeamWaitsUnassignedInThatTeamsQueueAndFreesTheAgent() {
        String hal = RoutingEvents.agent("hal");
        String ticketId = ticket(hal, "Invoice question");

        TicketApi.post(ticketId, "transfer", Map.of("team", "billing")).then()
                .statusCode(200)
                .body("team", is("billing"))
                .body("assignee", nullValue())
                .body("status", is("new"));
        TicketApi.as(TicketApi.ADMIN).queryParam("assignee", hal).get("/api/queue").then().body("", hasSize(0));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            var events = TicketApi.records(Topics.TICKET_EVENTS, ticketId);
            assertThat(events).hasSize(2);
            TicketEvent.Assigned moved = (TicketEvent.Assigned) Json.read(events.get(1).value(), TicketEvent.class);
            assertThat(moved.assigneeId()).isNull();
            assertThat(moved.previousAssigneeId()).isEqualTo(hal);
        });
    }

    @Test
    void aTransferCanNameTheAgentOfTheNewTeam() {
        String ivy = RoutingEvents.agent("ivy");
        String jay = RoutingEvents.agent("jay");
        String ticketId = ticket(ivy, "Contract renewal");

        TicketApi.post(ticketId, "transfer", Map.of("team", "sales", "agentId", jay)).then()
                .statusCode(200).body("team", is("sales")).body("assignee", is(jay)).body("status", is("open"));
        TicketApi.post(ticketId, "transfer", Map.of()).then().statusCode(400);
        TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);
        TicketApi.post(ticketId, "transfer", Map.of("team", "support")).then().statusCode(409)
                .body("type", containsString("transfer-forbidden"));
    }

    @Test
    void tagsAreStoredLowerCaseSortedOnceAndCanBeRemoved() {
        String ticketId = ticket(RoutingEvents.agent("kay"), "Router broken");

        TicketApi.post(ticketId, "tags", Map.of("add", List.of("Hardware", "urgent", "hardware"))).then()
                .statusCode(200).body("tags", contains("hardware", "urgent"));
        TicketApi.post(ticketId, "tags", Map.of("add", List.of("rma"), "remove", List.of("urgent"))).then()
                .statusCode(200).body("tags", contains("hardware", "rma"));
        TicketApi.post(ticketId, "tags", Map.of("add", List.of("no spaces please"))).then().statusCode(400);
        TicketApi.get(ticketId).then().body("tags", contains("hardware", "rma"));
    }

    private static String ticket(String agent, String text) {
        String conversation = RoutingEvents.conversation(Channel.EMAIL);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.EMAIL, conversation, "cus", text), "Cus", Priority.MEDIUM, agent));
        return TicketApi.ticketOf(agent);
    }
}

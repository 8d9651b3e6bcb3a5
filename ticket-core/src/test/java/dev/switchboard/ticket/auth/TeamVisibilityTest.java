package dev.switchboard.ticket.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "No agent can read or change a ticket outside their teams", against the real database and broker.
 * Demo users: alice (agent, tier1), dave (agent, tier2), sam (supervisor, tier1), admin (every team).
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class TeamVisibilityTest {

    @Test
    void anAgentsQueueHoldsTheirTeamsTicketsOnly() {
        String tier1Agent = RoutingEvents.agent("ann");
        String tier2Agent = RoutingEvents.agent("dan");
        String tier1Ticket = assignedTicket(tier1Agent, "tier1");
        assignedTicket(tier2Agent, "tier2");

        queueOf("alice", tier1Agent).body("", hasSize(1)).body("[0].id", is(tier1Ticket));
        queueOf("alice", tier2Agent).body("", hasSize(0));
        queueOf("dave", tier2Agent).body("", hasSize(1));
        queueOf("dave", tier1Agent).body("", hasSize(0));
        queueOf(TicketApi.ADMIN, tier2Agent).body("", hasSize(1));
    }

    @Test
    void aTicketOfAnotherTeamIsNotFoundExactlyLikeATicketThatDoesNotExist() {
        String tier2Ticket = assignedTicket(RoutingEvents.agent("dan"), "tier2");

        var hidden = TicketApi.get("alice", tier2Ticket).then().statusCode(404).contentType("application/problem+json")
                .extract().jsonPath();
        var missing = TicketApi.get("alice", UUID.randomUUID().toString()).then().statusCode(404).extract().jsonPath();
        assertThat(hidden.getString("type")).isEqualTo(missing.getString("type"));
        assertThat(hidden.getString("title")).isEqualTo(missing.getString("title"));
        assertThat(hidden.getString("detail")).isEqualTo("no ticket with id " + tier2Ticket);

        TicketApi.get("dave", tier2Ticket).then().statusCode(200).body("team", is("tier2"));
    }

    @Test
    void everyCommandOnAnotherTeamsTicketIsNotFoundAndChangesNothing() {
        String tier1Agent = RoutingEvents.agent("ann");
        String tier1Ticket = assignedTicket(tier1Agent, "tier1");

        TicketApi.post("dave", tier1Ticket, "replies", Map.of("text", "I am not on your team")).then().statusCode(404);
        TicketApi.post("dave", tier1Ticket, "notes", Map.of("text", "peeking")).then().statusCode(404);
        TicketApi.post("dave", tier1Ticket, "status", Map.of("status", "solved")).then().statusCode(404);
        TicketApi.post("dave", tier1Ticket, "escalate", Map.of("reason", "not mine")).then().statusCode(404);
        TicketApi.post("dave", tier1Ticket, "assign", Map.of("agentId", "dave")).then().statusCode(404);

        TicketApi.get(tier1Ticket).then().statusCode(200)
                .body("status", is("open"))
                .body("tier", is(1))
                .body("assignee", is(tier1Agent))
                .body(TicketApi.WRITTEN, hasSize(1));
        assertThat(TicketApi.records(Topics.TICKET_EVENTS, tier1Ticket)).extracting(TicketApi::ceType)
                .containsExactly("dev.switchboard.ticket.created");
    }

    @Test
    void anAgentWorksTheirTeamsTicketButLeavesPriorityAndHandingOverToTheirLeads() {
        String tier1Ticket = assignedTicket(RoutingEvents.agent("ann"), "tier1");

        TicketApi.post("alice", tier1Ticket, "notes", Map.of("text", "checked the router logs")).then().statusCode(201);
        TicketApi.post("alice", tier1Ticket, "priority", Map.of("priority", "low")).then().statusCode(403)
                .contentType("application/problem+json");
        TicketApi.post("alice", tier1Ticket, "assign", Map.of("agentId", "bob")).then().statusCode(403);
        TicketApi.post("alice", tier1Ticket, "assign", Map.of("agentId", "alice")).then().statusCode(200)
                .body("assignee", is("alice"))
                .body("team", is("tier1"));

        TicketApi.post("sam", tier1Ticket, "priority", Map.of("priority", "high")).then().statusCode(200)
                .body("priority", is("high"));
        TicketApi.post("sam", tier1Ticket, "assign", Map.of("agentId", "bob")).then().statusCode(200)
                .body("assignee", is("bob"));
    }

    @Test
    void aSupervisorSeesTheirTeamAndQueuedWorkAndDispatchesItIntoTheTeam() {
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.queued(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "zoe", "No dial tone"), "Zoe", Priority.MEDIUM));
        String queuedTicket = TicketApi.ticketOfConversation(conversation);
        String tier2Ticket = assignedTicket(RoutingEvents.agent("dan"), "tier2");

        TicketApi.get("alice", queuedTicket).then().statusCode(404);
        TicketApi.get("sam", tier2Ticket).then().statusCode(404);
        TicketApi.get("sam", queuedTicket).then().statusCode(200).body("status", is("new"));

        TicketApi.post("sam", queuedTicket, "assign", Map.of("agentId", "alice")).then().statusCode(200)
                .body("team", is("tier1"))
                .body("status", is("open"));
        TicketApi.get("alice", queuedTicket).then().statusCode(200).body("assignee", is("alice"));
    }

    @Test
    void onlyAnAdminMovesATicketToATeamTheyDoNotLead() {
        String tier1Ticket = assignedTicket(RoutingEvents.agent("ann"), "tier1");

        TicketApi.post("sam", tier1Ticket, "assign", Map.of("agentId", "dave", "team", "tier2")).then().statusCode(403);
        TicketApi.get("dave", tier1Ticket).then().statusCode(404);

        TicketApi.post(TicketApi.ADMIN, tier1Ticket, "assign", Map.of("agentId", "dave", "team", "tier2")).then()
                .statusCode(200).body("team", is("tier2"));
        TicketApi.get("dave", tier1Ticket).then().statusCode(200);
        TicketApi.get("alice", tier1Ticket).then().statusCode(404);
    }

    private static String assignedTicket(String agentId, String team) {
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "kim", "Internet is down"), "Kim", Priority.MEDIUM,
                agentId, team));
        return TicketApi.ticketOf(agentId);
    }

    private static ValidatableResponse queueOf(String user, String assignee) {
        return TicketApi.as(user).queryParam("assignee", assignee).get("/api/queue").then().statusCode(200);
    }
}

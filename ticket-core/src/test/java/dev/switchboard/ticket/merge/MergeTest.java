package dev.switchboard.ticket.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class MergeTest {

    @Test
    void aCustomersDuplicateOnAnotherChannelIsMergedIntoTheOriginalAndTheirNextMessageJoinsIt() {
        String amy = RoutingEvents.agent("amy");
        UUID customer = UUID.randomUUID();
        String whatsapp = RoutingEvents.conversation(Channel.WHATSAPP);
        String telegram = RoutingEvents.conversation(Channel.TELEGRAM);
        String original = ticket(amy, customer, Channel.WHATSAPP, whatsapp, "My order never arrived");
        String duplicate = ticket(amy, customer, Channel.TELEGRAM, telegram, "Order missing!!");
        TicketApi.post(duplicate, "tags", Map.of("add", java.util.List.of("Shipping"))).then().statusCode(200);
        long originalNumber = ((Number) TicketApi.get(original).then().extract().path("number")).longValue();
        long duplicateNumber = ((Number) TicketApi.get(duplicate).then().extract().path("number")).longValue();

        TicketApi.post(duplicate, "merge", Map.of("targetId", original)).then()
                .statusCode(200)
                .body("id", is(original))
                .body(TicketApi.WRITTEN, hasSize(3))
                .body(TicketApi.WRITTEN + ".text", hasItem("Order missing!!"))
                .body(TicketApi.WRITTEN + "[2].direction", is("internal"))
                .body(TicketApi.WRITTEN + "[2].text", containsString("Merged #" + duplicateNumber + " into this ticket"))
                .body("tags", hasItem("shipping"));
        TicketApi.get(duplicate).then()
                .body("status", is("closed"))
                .body("mergedInto", is(original))
                .body(TicketApi.WRITTEN, hasSize(1))
                // Its message and the automatic acknowledgement went over.
                .body(TicketApi.WRITTEN + "[0].text", is("Merged into #" + originalNumber + " (2 messages moved)"));
        // Routing frees amy's hold on the duplicate's conversation.
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(TicketApi.records(Topics.TICKET_EVENTS, duplicate))
                .extracting(TicketApi::ceType).contains("dev.switchboard.ticket.closed"));

        TestKafka.publish(telegram, RoutingEvents.assigned(
                RoutingEvents.message(Channel.TELEGRAM, telegram, "cus", "Any news?"), customer, "Cus", Priority.MEDIUM, amy));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(original).then()
                .body("messages.text", hasItem("Any news?")));
        TicketApi.get(duplicate).then().body("status", is("closed")).body(TicketApi.WRITTEN, hasSize(1));
    }

    @Test
    void theMergeNotesOnBothTicketsAreSignedByTheSupervisorWhoMergedThemNotByTheAgentHoldingThem() {
        String eve = RoutingEvents.agent("eve");
        UUID customer = UUID.randomUUID();
        String original = tier1Ticket(eve, customer, Channel.EMAIL, "Refund please");
        String duplicate = tier1Ticket(eve, customer, Channel.CHAT, "Refund??");

        // sam is a demo supervisor of tier1, the team these tickets are in.
        TicketApi.post("sam", duplicate, "merge", Map.of("targetId", original)).then()
                .statusCode(200)
                .body(TicketApi.WRITTEN + ".findAll { it.direction == 'internal' }.author", contains("sam"))
                .body(TicketApi.WRITTEN + ".findAll { it.direction == 'internal' }.senderName", contains("sam"));
        TicketApi.get(duplicate).then()
                .body(TicketApi.WRITTEN + "[0].direction", is("internal"))
                .body(TicketApi.WRITTEN + "[0].author", is("sam"))
                .body(TicketApi.WRITTEN + "[0].senderName", is("sam"));
    }

    @Test
    void ticketsOfTwoDifferentCustomersAreNotMerged() {
        String bob = RoutingEvents.agent("bob");
        String one = ticket(bob, UUID.randomUUID(), Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "Hi");
        String other = ticket(bob, UUID.randomUUID(), Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "Hello");

        TicketApi.post(one, "merge", Map.of("targetId", other)).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("different-contacts"));
        TicketApi.get(one).then().body("status", is("open")).body(TicketApi.WRITTEN, hasSize(1));
        TicketApi.get(other).then().body(TicketApi.WRITTEN, hasSize(1));
    }

    @Test
    void mergingIntoItselfAnUnknownTicketOrAClosedOneIsRefused() {
        String cy = RoutingEvents.agent("cy");
        UUID customer = UUID.randomUUID();
        String one = ticket(cy, customer, Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "One");
        String closed = ticket(cy, customer, Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "Two");
        TicketApi.post(closed, "status", Map.of("status", "solved")).then().statusCode(200);
        TicketApi.post(closed, "status", Map.of("status", "closed")).then().statusCode(200);

        TicketApi.post(one, "merge", Map.of("targetId", one)).then().statusCode(400);
        TicketApi.post(one, "merge", Map.of("targetId", UUID.randomUUID().toString())).then().statusCode(404);
        TicketApi.post(one, "merge", Map.of("targetId", closed)).then().statusCode(409)
                .body("type", containsString("merge-forbidden"));
        TicketApi.get(one).then().body("status", is("open"));
    }

    @Test
    void aTicketCannotBeMergedIntoOneOfATeamTheCallerDoesNotSee() {
        String di = RoutingEvents.agent("di");
        UUID customer = UUID.randomUUID();
        String mine = ticket(di, customer, Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "Mine");
        String tier1 = ticket(di, customer, Channel.CHAT, RoutingEvents.conversation(Channel.CHAT), "Theirs");
        TicketApi.post(mine, "transfer", Map.of("team", "tier2")).then().statusCode(200);

        // dave (tier2) sees the duplicate but not tier1's ticket: as unknown to him as a made-up id.
        TicketApi.post("dave", mine, "merge", Map.of("targetId", tier1)).then().statusCode(404);
        TicketApi.get(mine).then().body("status", is("new")).body(TicketApi.WRITTEN, hasSize(1));
        TicketApi.get(tier1).then().body(TicketApi.WRITTEN, hasSize(1));
    }

    private static String tier1Ticket(String agent, UUID customer, Channel channel, String text) {
        String conversation = RoutingEvents.conversation(channel);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(channel, conversation, "cus", text), customer, "Cus", Priority.MEDIUM, agent, "tier1"));
        return TicketApi.ticketOfConversation(conversation);
    }

    private static String ticket(String agent, UUID customer, Channel channel, String conversation, String text) {
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(channel, conversation, "cus", text), customer, "Cus", Priority.MEDIUM, agent));
        return TicketApi.ticketOfConversation(conversation);
    }
}

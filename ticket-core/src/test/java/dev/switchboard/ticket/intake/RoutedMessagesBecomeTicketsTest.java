package dev.switchboard.ticket.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class RoutedMessagesBecomeTicketsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aWhatsAppMessageAssignedToAliceAppearsInTheQueue() {
        String alice = RoutingEvents.agent("alice");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "peter_wa",
                "My router keeps dropping the connection every evening");
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Peter Janssens", Priority.HIGH, alice));

        await().atMost(PATIENCE).untilAsserted(() -> queueOf(alice)
                .body("", hasSize(1))
                .body("[0].assignee", is(alice))
                .body("[0].priority", is("high"))
                .body("[0].status", is("open"))
                .body("[0].channel", is("whatsapp"))
                .body("[0].contactName", is("Peter Janssens"))
                .body("[0].subject", is("My router keeps dropping the connection every evening"))
                .body("[0].messageCount", is(1))
                .body("[0].number", notNullValue())
                .body("[0].createdAt", notNullValue()));

        String ticketId = queueOf(alice).extract().path("[0].id");
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", ticketId)
                .then()
                .statusCode(200)
                .body("id", is(ticketId))
                .body("conversationKey", is(conversation))
                .body("contact.name", is("Peter Janssens"))
                .body(TicketApi.WRITTEN, hasSize(1))
                .body(TicketApi.WRITTEN + "[0].id", is(message.id().toString()))
                .body(TicketApi.WRITTEN + "[0].direction", is("inbound"))
                .body(TicketApi.WRITTEN + "[0].text", is("My router keeps dropping the connection every evening"))
                .body(TicketApi.WRITTEN + "[0].senderName", is("peter_wa"))
                .body(TicketApi.WRITTEN + "[0].receivedAt", is(message.receivedAt().toString()));
    }

    @Test
    void theSameRoutingEventDeliveredThreeTimesIsStoredOnce() {
        String bob = RoutingEvents.agent("bob");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "ann", "Invoice is wrong");
        for (int delivery = 0; delivery < 3; delivery++) {
            TestKafka.publish(conversation, RoutingEvents.assigned(message, "Ann", Priority.MEDIUM, bob));
        }
        // Same key, so same partition: once this marker is stored, the three copies were handled before it.
        InboundMessage marker = RoutingEvents.message(Channel.WHATSAPP, conversation, "ann", "Any news?");
        TestKafka.publish(conversation, RoutingEvents.assigned(marker, "Ann", Priority.MEDIUM, bob));

        await().atMost(PATIENCE).untilAsserted(() -> queueOf(bob)
                .body("", hasSize(1))
                .body("[0].lastMessagePreview", is("Any news?")));

        String ticketId = queueOf(bob).body("[0].messageCount", is(2)).extract().path("[0].id");
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", ticketId)
                .then()
                .statusCode(200)
                .body(TicketApi.WRITTEN + ".id", contains(message.id().toString(), marker.id().toString()));
    }

    @Test
    void aFollowUpOnTheSameConversationLandsOnTheSameTicket() {
        String carol = RoutingEvents.agent("carol");
        String conversation = RoutingEvents.conversation(Channel.TELEGRAM);
        InboundMessage first = RoutingEvents.message(Channel.TELEGRAM, conversation, "sam", "The app crashes on start");
        InboundMessage followUp = RoutingEvents.message(Channel.TELEGRAM, conversation, "sam", "Version 2.3.1, Android 14");
        TestKafka.publish(conversation, RoutingEvents.assigned(first, "Sam", Priority.MEDIUM, carol));
        TestKafka.publish(conversation, RoutingEvents.assigned(followUp, "Sam", Priority.MEDIUM, carol));

        await().atMost(PATIENCE).untilAsserted(() -> queueOf(carol)
                .body("", hasSize(1))
                .body("[0].messageCount", is(2))
                .body("[0].subject", is("The app crashes on start"))
                .body("[0].lastMessagePreview", is("Version 2.3.1, Android 14")));

        String ticketId = queueOf(carol).extract().path("[0].id");
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", ticketId)
                .then()
                .body(TicketApi.WRITTEN + ".text", contains("The app crashes on start", "Version 2.3.1, Android 14"));
    }

    @Test
    void aDuplicateFromAnotherChannelJoinsTheOriginalTicketAsALinkedMessage() {
        String dave = RoutingEvents.agent("dave");
        String whatsapp = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage original = RoutingEvents.message(Channel.WHATSAPP, whatsapp, "peter", "No internet since 9am");
        TestKafka.publish(whatsapp, RoutingEvents.assigned(original, "Peter", Priority.HIGH, dave));
        InboundMessage email = RoutingEvents.message(Channel.EMAIL, RoutingEvents.conversation(Channel.EMAIL),
                "Peter", "Still no internet since this morning");
        var duplicate = RoutingEvents.duplicateOf(email, original, 0.87);
        TestKafka.publish(duplicate.key(), duplicate);

        await().atMost(PATIENCE).untilAsserted(() -> queueOf(dave)
                .body("", hasSize(1))
                .body("[0].messageCount", is(2)));

        String ticketId = queueOf(dave).extract().path("[0].id");
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", ticketId)
                .then()
                .body(TicketApi.WRITTEN + "[1].id", is(email.id().toString()))
                .body(TicketApi.WRITTEN + "[1].channel", is("email"))
                .body(TicketApi.WRITTEN + "[1].duplicateOf", is(original.id().toString()))
                .body(TicketApi.WRITTEN + "[1].similarity", is(0.87f));
    }

    static ValidatableResponse queueOf(String assignee) {
        return TicketApi.as(TicketApi.ADMIN).queryParam("assignee", assignee)
                .get("/api/queue")
                .then()
                .statusCode(200);
    }
}

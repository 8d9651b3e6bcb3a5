package dev.switchboard.ticket.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Channels report what happened to our replies; the agent sees it on each message. */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DeliveryStatusesTest {

    @Test
    void aReadReplyStaysReadWhenALateDeliveredReportArrives() {
        String gil = RoutingEvents.agent("gil");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "hal", "Any update?"), "Hal", Priority.LOW, gil));
        String ticketId = TicketApi.ticketOf(gil);
        String first = TicketApi.post(ticketId, "replies", Map.of("text", "Yes")).then().statusCode(201).extract().path("id");
        String second = TicketApi.post(ticketId, "replies", Map.of("text", "Tomorrow")).then().statusCode(201).extract().path("id");
        // What the WhatsApp channel will do once it has sent them: record the provider's ids.
        String wamid1 = "wamid-" + UUID.randomUUID();
        String wamid2 = "wamid-" + UUID.randomUUID();
        TicketApi.sql("update ticket.message set provider_message_id = ? where id = ?", wamid1, UUID.fromString(first));
        TicketApi.sql("update ticket.message set provider_message_id = ? where id = ?", wamid2, UUID.fromString(second));

        Instant t = Instant.now();
        TestKafka.publishTo(Topics.INTAKE_STATUSES, conversation, status(wamid1, DeliveryStatus.State.READ, t.plusSeconds(2)));
        TestKafka.publishTo(Topics.INTAKE_STATUSES, conversation, status(wamid1, DeliveryStatus.State.DELIVERED, t.plusSeconds(1)));
        // Same key, same partition: once this one shows, the late "delivered" before it was handled.
        TestKafka.publishTo(Topics.INTAKE_STATUSES, conversation, status(wamid2, DeliveryStatus.State.SENT, t));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("messages.find { it.id == '" + second + "' }.delivery", is("sent")));
        TicketApi.get(ticketId).then()
                .body("messages.find { it.id == '" + first + "' }.delivery", is("read"))
                .body("messages.find { it.id == '" + first + "' }.providerMessageId", is(wamid1));
    }

    @Test
    void aFailedReplyShowsTheProvidersError() {
        String ida = RoutingEvents.agent("ida");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "jon", "Hello"), "Jon", Priority.LOW, ida));
        String ticketId = TicketApi.ticketOf(ida);
        String reply = TicketApi.post(ticketId, "replies", Map.of("text", "Hi Jon")).then().statusCode(201).extract().path("id");
        String wamid = "wamid-" + UUID.randomUUID();
        TicketApi.sql("update ticket.message set provider_message_id = ? where id = ?", wamid, UUID.fromString(reply));

        TestKafka.publishTo(Topics.INTAKE_STATUSES, conversation, new DeliveryStatus(
                MessageIds.status(Channel.WHATSAPP, wamid, "failed"), Channel.WHATSAPP, "support-inbox", wamid,
                "+32470000000", DeliveryStatus.State.FAILED, Instant.now(), "131047", "Re-engagement message"));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then()
                .body("messages.find { it.id == '" + reply + "' }.delivery", is("failed"))
                .body("messages.find { it.id == '" + reply + "' }.deliveryError", is("131047: Re-engagement message")));
    }

    private static DeliveryStatus status(String wamid, DeliveryStatus.State state, Instant at) {
        return new DeliveryStatus(MessageIds.status(Channel.WHATSAPP, wamid, state.name()), Channel.WHATSAPP,
                "support-inbox", wamid, "+32470000000", state, at, null, null);
    }
}

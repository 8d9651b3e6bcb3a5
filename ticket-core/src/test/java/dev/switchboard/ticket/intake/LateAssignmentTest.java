package dev.switchboard.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class LateAssignmentTest {

    @Test
    void aQueuedMessageAssignedLaterGivesItsTicketToTheAgentWithoutStoringTheMessageTwice() {
        String henk = RoutingEvents.agent("henk");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "lien", "Where is my order?");
        TestKafka.publish(conversation, RoutingEvents.queued(message, "Lien", Priority.MEDIUM));
        // The agent came online: routing assigns the same message with a new decision.
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Lien", Priority.MEDIUM, henk));

        String ticketId = TicketApi.ticketOf(henk);
        TicketApi.get(ticketId).then()
                .body("status", is("open"))
                .body("assignee", is(henk))
                .body("team", is("tier1"))
                .body(TicketApi.WRITTEN, hasSize(1))
                .body(TicketApi.WRITTEN + ".id", contains(message.id().toString()));

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> {
            List<TicketEvent> events = TicketApi.records(Topics.TICKET_EVENTS, ticketId).stream()
                    .map(r -> Json.read(r.value(), TicketEvent.class)).toList();
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(TicketEvent.Created.class);
            assertThat(((TicketEvent.Created) events.get(0)).assigneeId()).isNull();
            assertThat(events.get(1)).isInstanceOf(TicketEvent.Assigned.class);
            assertThat(((TicketEvent.Assigned) events.get(1)).assigneeId()).isEqualTo(henk);
            assertThat(((TicketEvent.Assigned) events.get(1)).manual()).as("routing's own decision").isFalse();
        });
    }

    @Test
    void theSameAssignmentRedeliveredChangesNothingMore() {
        String ines = RoutingEvents.agent("ines");
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        InboundMessage message = RoutingEvents.message(Channel.CHAT, conversation, "joe", "Hello?");
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Joe", Priority.LOW, ines));
        TestKafka.publish(conversation, RoutingEvents.assigned(message, "Joe", Priority.LOW, ines));
        InboundMessage marker = RoutingEvents.message(Channel.CHAT, conversation, "joe", "Anyone?");
        TestKafka.publish(conversation, RoutingEvents.assigned(marker, "Joe", Priority.LOW, ines));

        String ticketId = TicketApi.ticketOf(ines);
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then().body(TicketApi.WRITTEN, hasSize(2)));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(
                TicketApi.records(Topics.TICKET_EVENTS, ticketId)).extracting(TicketApi::ceType)
                .containsExactly("dev.switchboard.ticket.created"));
    }
}

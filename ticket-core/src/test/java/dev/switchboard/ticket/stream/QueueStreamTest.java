package dev.switchboard.ticket.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Priority;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.SseClient;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class QueueStreamTest {

    @TestHTTPResource("/api/queue/stream")
    URI stream;

    @Test
    void anAgentWatchingTheirQueueSeesTheTicketArriveChangeAndLeaveWhenSolved() {
        String uma = RoutingEvents.agent("uma");
        String vic = RoutingEvents.agent("vic");
        try (SseClient client = SseClient.open(URI.create(stream + "?assignee=" + uma), TicketApi.ADMIN)) {
            String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
            TestKafka.publish(conversation, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.WHATSAPP, conversation, "wes", "Card declined"), "Wes", Priority.HIGH, uma));
            String ticketId = TicketApi.ticketOf(uma);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(ticketId).isEmpty());
            QueueChange created = change(client.about(ticketId).get(0));
            assertThat(client.about(ticketId).get(0).name()).isEqualTo("created");
            assertThat(created.status()).isEqualTo("open");
            assertThat(created.priority()).isEqualTo("high");
            assertThat(created.assignee()).isEqualTo(uma);
            assertThat(created.team()).isEqualTo("tier1");
            assertThat(created.slaDueAt()).isNotNull();
            assertThat(created.inQueue()).isTrue();

            TicketApi.post(ticketId, "priority", Map.of("priority", "critical")).then().statusCode(200);
            TicketApi.post(ticketId, "assign", Map.of("agentId", vic)).then().statusCode(200);

            await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(client.about(ticketId))
                    .extracting(SseClient.Event::name).containsSubsequence("created", "changed", "assigned"));
            QueueChange reassigned = change(last(client, ticketId));
            assertThat(reassigned.priority()).isEqualTo("critical");
            assertThat(reassigned.assignee()).isEqualTo(vic);
            assertThat(reassigned.previousAssignee()).isEqualTo(uma);
            // Now vic's: it leaves uma's queue, and uma's stream says so once, then nothing more about it.
            assertThat(reassigned.inQueue()).isFalse();
            int seen = client.about(ticketId).size();
            TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);
            String marker = markerTicket(uma);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(marker).isEmpty());
            assertThat(client.about(ticketId)).hasSize(seen);
        }
    }

    @Test
    void solvingATicketOfTheWatchedChannelSendsSolvedAndTakesItOutOfTheQueue() {
        String xan = RoutingEvents.agent("xan");
        try (SseClient client = SseClient.open(URI.create(stream + "?channel=telegram&status=open"), TicketApi.ADMIN)) {
            String conversation = RoutingEvents.conversation(Channel.TELEGRAM);
            TestKafka.publish(conversation, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.TELEGRAM, conversation, "yul", "Bot is down"), "Yul", Priority.LOW, xan));
            String ticketId = TicketApi.ticketOf(xan);
            TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);

            await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(client.about(ticketId))
                    .extracting(SseClient.Event::name).containsExactly("created", "solved"));
            QueueChange solved = change(last(client, ticketId));
            assertThat(solved.status()).isEqualTo("solved");
            assertThat(solved.previousStatus()).isEqualTo("open");
            assertThat(solved.inQueue()).isFalse();
        }
    }

    @Test
    void aStreamOfCriticalTicketsSeesATicketOnlyWhileItIsCritical() {
        String ida = RoutingEvents.agent("ida");
        try (SseClient client = SseClient.open(URI.create(stream + "?priority=critical&assignee=" + ida), TicketApi.ADMIN)) {
            String conversation = RoutingEvents.conversation(Channel.EMAIL);
            TestKafka.publish(conversation, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.EMAIL, conversation, "jon", "Invoice wrong"), "Jon", Priority.HIGH, ida));
            String ticketId = TicketApi.ticketOf(ida);

            // Raised to critical it joins the watched queue; lowered again it leaves it.
            TicketApi.post(ticketId, "priority", Map.of("priority", "critical")).then().statusCode(200);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(ticketId).isEmpty());
            QueueChange raised = change(client.about(ticketId).get(0));
            assertThat(client.about(ticketId).get(0).name()).isEqualTo("changed");
            assertThat(raised.priority()).isEqualTo("critical");
            assertThat(raised.previousPriority()).isEqualTo("high");
            assertThat(raised.inQueue()).isTrue();

            TicketApi.post(ticketId, "priority", Map.of("priority", "medium")).then().statusCode(200);
            await().atMost(TicketApi.PATIENCE).until(() -> client.about(ticketId).size() == 2);
            QueueChange lowered = change(last(client, ticketId));
            assertThat(lowered.priority()).isEqualTo("medium");
            assertThat(lowered.inQueue()).isFalse();

            // A critical ticket created afterwards arrives; the high ticket's creation and the changes after it
            // left the critical queue never did.
            TicketApi.post(ticketId, "status", Map.of("status", "pending")).then().statusCode(200);
            String marker = RoutingEvents.conversation(Channel.CHAT);
            TestKafka.publish(marker, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.CHAT, marker, "kim", "Site down"), "Kim", Priority.CRITICAL, ida));
            String markerTicket = TicketApi.ticketOfConversation(marker);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(markerTicket).isEmpty());
            assertThat(client.about(markerTicket).get(0).name()).isEqualTo("created");
            assertThat(client.about(ticketId)).extracting(SseClient.Event::name).containsExactly("changed", "changed");
        }
    }

    /**
     * Intake writes a batch's new tickets in one statement, whose changes travel in notifications of a few
     * kilobytes each (NOTIFY refuses more than 8000 bytes): however many a batch opens, each arrives once.
     */
    @Test
    void aBurstOfNewConversationsArrivesOnTheStreamTicketByTicket() {
        String lea = RoutingEvents.agent("lea");
        try (SseClient client = SseClient.open(URI.create(stream + "?assignee=" + lea), TicketApi.ADMIN)) {
            List<Map.Entry<String, Object>> burst = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
                burst.add(Map.entry(conversation, RoutingEvents.assigned(
                        RoutingEvents.message(Channel.WHATSAPP, conversation, "c" + i, "Outage " + i), "C" + i,
                        Priority.MEDIUM, lea)));
            }
            TestKafka.publishBurst(burst);

            await().atMost(TicketApi.PATIENCE).until(() -> client.about(lea).size() >= 80);
            List<QueueChange> created = client.about(lea).stream().map(QueueStreamTest::change).toList();
            assertThat(client.about(lea)).extracting(SseClient.Event::name).containsOnly("created");
            assertThat(created).extracting(QueueChange::id).doesNotHaveDuplicates().hasSize(80);
            // A ticket created afterwards: once it arrived, so had anything more about the burst.
            String marker = RoutingEvents.conversation(Channel.CHAT);
            TestKafka.publish(marker, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.CHAT, marker, "zed", "marker"), "Zed", Priority.LOW, lea));
            String markerTicket = TicketApi.ticketOfConversation(marker);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(markerTicket).isEmpty());
            assertThat(client.about(lea)).hasSize(81);
        }
    }

    @Test
    void anIdleStreamIsKeptOpenAndStillDeliversTheNextChange() {
        String zoe = RoutingEvents.agent("zoe");
        try (SseClient client = SseClient.open(URI.create(stream + "?assignee=" + zoe), TicketApi.ADMIN)) {
            // The test profile sends a keep-alive comment every second.
            await().atMost(TicketApi.PATIENCE).until(() -> client.comments() >= 2);
            String ticketId = markerTicket(zoe);
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(ticketId).isEmpty());
            assertThat(client.about(ticketId).get(0).name()).isEqualTo("created");
        }
    }

    @Test
    void theStreamRefusesTheSameBadFiltersAsTheQueue() {
        TicketApi.as(TicketApi.ADMIN).queryParam("status", "closed").get("/api/queue/stream").then().statusCode(400);
        TicketApi.as(TicketApi.ADMIN).queryParam("channel", "pigeon").get("/api/queue/stream").then().statusCode(400);
        TicketApi.as(TicketApi.ADMIN).queryParam("priority", "whenever").get("/api/queue/stream").then().statusCode(400);
    }

    /** A ticket created after everything else: once the stream shows it, earlier changes have all arrived. */
    @Test
    void anAgentsStreamCarriesNothingOfAnotherTeam() {
        // dave is a demo agent of team tier2; the first ticket belongs to tier1.
        try (SseClient client = SseClient.open(stream, "dave")) {
            String hidden = RoutingEvents.conversation(Channel.WHATSAPP);
            String tier1Agent = RoutingEvents.agent("yan");
            TestKafka.publish(hidden, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.WHATSAPP, hidden, "ann", "Secret invoice"), "Ann", Priority.HIGH, tier1Agent));
            String hiddenTicket = TicketApi.ticketOf(tier1Agent);
            String visible = RoutingEvents.conversation(Channel.WHATSAPP);
            String tier2Agent = RoutingEvents.agent("zia");
            TestKafka.publish(visible, RoutingEvents.assigned(
                    RoutingEvents.message(Channel.WHATSAPP, visible, "bea", "Router down"), "Bea", Priority.LOW,
                    tier2Agent, "tier2"));
            String visibleTicket = TicketApi.ticketOf(tier2Agent);

            // The tier2 ticket arrived after the tier1 one was stored: had the first been sent, it would be there.
            await().atMost(TicketApi.PATIENCE).until(() -> !client.about(visibleTicket).isEmpty());
            assertThat(client.about(hiddenTicket)).isEmpty();
        }
    }

    private static String markerTicket(String agent) {
        String conversation = RoutingEvents.conversation(Channel.CHAT);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.CHAT, conversation, "zed", "marker"), "Zed", Priority.LOW, agent));
        return TicketApi.ticketOf(agent);
    }

    private static SseClient.Event last(SseClient client, String ticketId) {
        var events = client.about(ticketId);
        return events.get(events.size() - 1);
    }

    private static QueueChange change(SseClient.Event event) {
        return Json.read(event.data().getBytes(StandardCharsets.UTF_8), QueueChange.class);
    }
}

package dev.switchboard.routing.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.auth.AsUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class IntakeRouterTest {
    private final Endpoints infra = Infrastructure.shared();
    private final TopicProbe topics = new TopicProbe(infra.kafkaBootstrapServers());
    private final EventSender sender = new EventSender(infra.kafkaBootstrapServers());

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aNewMessageIsAssignedToAnAgentOfTheRosterWithItsReasons() {
        InboundMessage message = newMessage("My invoice is wrong");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);

        MessageAssigned assigned = (MessageAssigned) awaitDecisions(message, 1).get(0);
        assertThat(assigned.agentId()).isIn("alice", "bob", "carol");
        assertThat(assigned.team()).isEqualTo("tier1");
        assertThat(assigned.message()).isEqualTo(message);
        assertThat(assigned.decision().reasons()).contains("assigned to " + assigned.agentId() + " (highest score)");
        assertThat(assigned.decision().reasons()).anyMatch(r -> r.contains(" eligible; best: "));
        assertThat(assigned.contact().name()).isEqualTo(message.sender().displayName());

        AsUser.admin().when().get("/api/decisions/{id}", message.id())
                .then().statusCode(200)
                .body("agentId", equalTo(assigned.agentId()))
                .body("published", equalTo(true))
                .body("event.decision.reasons", hasItem(containsString("highest score")));
    }

    @Test
    void theSameMessageDeliveredFiveTimesIsAssignedOnce() {
        InboundMessage message = newMessage("Router reboots every hour");
        for (int i = 0; i < 5; i++) {
            sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        }
        InboundMessage marker = followUp(message, "marker after the repeats");
        sender.send(Topics.INTAKE_MESSAGES, marker.conversationKey(), marker);

        awaitDecisions(marker, 1); // same partition: once the marker is routed, every repeat was seen
        assertThat(decisionsFor(message)).hasSize(1);
    }

    @Test
    void aFollowUpGoesToTheAgentWhoHasTheConversation() {
        InboundMessage first = newMessage("Cannot log in");
        sender.send(Topics.INTAKE_MESSAGES, first.conversationKey(), first);
        String agent = ((MessageAssigned) awaitDecisions(first, 1).get(0)).agentId();

        InboundMessage second = followUp(first, "Still cannot log in, any news?");
        sender.send(Topics.INTAKE_MESSAGES, second.conversationKey(), second);

        MessageAssigned again = (MessageAssigned) awaitDecisions(second, 1).get(0);
        assertThat(again.agentId()).isEqualTo(agent);
        assertThat(again.decision().reasons()).contains("sticky: " + agent + " already has this conversation");
    }

    @Test
    void aDecisionStoredButNeverPublishedIsPublishedWhenTheMessageComesAgain() throws Exception {
        // The state a crash leaves between the database commit and the broker's ack.
        InboundMessage message = newMessage("Crash test");
        storeUnpublished(message, "now()");

        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);

        MessageAssigned published = (MessageAssigned) awaitDecisions(message, 1).get(0);
        assertThat(published.agentId()).isEqualTo("carol");
        assertThat(published.decision().reasons()).containsExactly("stored before the crash");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                AsUser.admin().when().get("/api/decisions/{id}", message.id()).then().body("published", equalTo(true)));
    }

    @Test
    void aDecisionLeftUnpublishedIsPublishedByTheRepublisherWithoutTheMessageComingAgain() throws Exception {
        // A crash between the commit and the broker's ack, with no redelivery to follow (a queued message
        // assigned later by the drain has no intake record left to redeliver).
        InboundMessage message = newMessage("Straggler");
        storeUnpublished(message, "now() - interval '1 minute'");

        MessageAssigned published = (MessageAssigned) awaitDecisions(message, 1).get(0);
        assertThat(published.decision().reasons()).containsExactly("stored before the crash");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                AsUser.admin().when().get("/api/decisions/{id}", message.id()).then().body("published", equalTo(true)));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillRouted() {
        InboundMessage good = newMessage("after the poison");
        String poisonKey = good.conversationKey(); // same key, same partition: proves it is not blocked
        byte[] poison = ("{\"not\":\"a message\",\"marker\":\"" + good.id() + "\"}").getBytes(StandardCharsets.UTF_8);
        sender.sendRaw(Topics.INTAKE_MESSAGES, poisonKey, poison);
        sender.send(Topics.INTAKE_MESSAGES, good.conversationKey(), good);

        awaitDecisions(good, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = topics.readAll(Topics.deadLetter(Topics.INTAKE_MESSAGES),
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains(good.id().toString()));
            assertThat(dead).hasSize(1);
            Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("InboundMessage");
        });
    }

    @Test
    void aMessageWaitsWhileTheDatabaseCannotTakeItAndIsRoutedOnceItCan() throws Exception {
        InboundMessage message = newMessage("Sent while the database is away");
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            c.createStatement().execute("ALTER TABLE routing.routed_message RENAME TO routed_message_away");
            try {
                sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
                // Routing keeps failing on the missing table: the record must wait, not be dead-lettered.
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                        topics.readAll(Topics.deadLetter(Topics.INTAKE_MESSAGES),
                                r -> new String(r.value(), StandardCharsets.UTF_8).contains(message.id().toString()))
                                .isEmpty());
            } finally {
                c.createStatement().execute("ALTER TABLE routing.routed_message_away RENAME TO routed_message");
            }
        }
        assertThat(awaitDecisions(message, 1)).hasSize(1);
    }

    @Test
    void anUnknownMessageHasNoDecision() {
        AsUser.admin().when().get("/api/decisions/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        // Once the group has assigned them, the three consumers hold the topic's six partitions between them.
        await().untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'batch-consumers' }.data.intake",
                        equalTo("3 reading intake.messages.v1 as routing, 6 partitions held")));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("switchboard_routing_messages"))
                .body(containsString("kafka_consumer_fetch_manager_records_consumed_total{client_id=\"intake-0\""));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/decisions"));
    }

    private static InboundMessage newMessage(String text) {
        String waId = "3247" + (100000 + (int) (Math.random() * 899999));
        return SampleMessages.whatsapp("wamid." + UUID.randomUUID(), waId, "Customer " + waId, text);
    }

    private static InboundMessage followUp(InboundMessage first, String text) {
        return SampleMessages.whatsapp("wamid." + UUID.randomUUID(), first.sender().channelUserId(),
                first.sender().displayName(), text);
    }

    private List<RoutingEvent> awaitDecisions(InboundMessage message, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(message).size() >= count);
        return decisionsFor(message);
    }

    private List<RoutingEvent> decisionsFor(InboundMessage message) {
        return topics.readAll(Topics.ROUTING_ASSIGNMENTS,
                        r -> message.id().toString().equals(CloudEvents.read(r.headers()).subject()))
                .stream()
                .map(r -> Json.read(r.value(), RoutingEvent.class))
                .toList();
    }

    /** A decision for carol, stored and still waiting to be published: what a crash before the broker's ack leaves. */
    private void storeUnpublished(InboundMessage message, String decidedAt) throws Exception {
        MessageAssigned stored = new MessageAssigned(message, null, Classification.unclassified(),
                new Decision(UUID.randomUUID(), Instant.now(), List.of("stored before the crash")), "carol", "tier1");
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
             PreparedStatement insert = c.prepareStatement("WITH routed AS (INSERT INTO routing.routed_message "
                     + "(message_id, channel, conversation_key, agent_id, decided_at, event) "
                     + "VALUES (?, 'whatsapp', ?, 'carol', " + decidedAt + ", ?::jsonb) RETURNING message_id, decided_at) "
                     + "INSERT INTO routing.unpublished_decision SELECT message_id, decided_at FROM routed")) {
            insert.setObject(1, message.id());
            insert.setString(2, message.conversationKey());
            insert.setString(3, new String(Json.write(stored), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}

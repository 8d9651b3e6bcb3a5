package dev.switchboard.routing.assignment;

import static dev.switchboard.routing.assignment.TeamDesk.heldBy;
import static dev.switchboard.routing.assignment.TeamDesk.load;
import static dev.switchboard.routing.assignment.TeamDesk.newMessage;
import static dev.switchboard.routing.assignment.TeamDesk.presence;
import static dev.switchboard.routing.assignment.TeamDesk.text;
import static dev.switchboard.routing.assignment.TeamDesk.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.routing.auth.AsUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several routing instances share one database: what another instance did is written straight into
 * the tables here, as that instance would have, while this instance's view of agents and load
 * lags behind. Its periodic reading ({@link LoadSync}) is off in tests and called when a test means it.
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class RoutingReplicasTest {
    private static final List<String> SEEDED = List.of("alice", "bob", "carol");
    private static final String ALL_SKILLS =
            "{\"connectivity\":3,\"software\":3,\"hardware\":3,\"account\":3,\"billing\":3}";
    private static final Duration DECIDED = Duration.ofSeconds(30);
    private final Endpoints infra = Infrastructure.shared();
    private final TopicProbe topics = new TopicProbe(infra.kafkaBootstrapServers());
    private final EventSender sender = new EventSender(infra.kafkaBootstrapServers());
    /** Her own per test: other tests' agents may still hold conversations. */
    private final String zoe = "zoe-" + UUID.randomUUID().toString().substring(0, 8);
    private final String elsewhere = "whatsapp:held-through-another-instance-" + UUID.randomUUID();

    @Inject
    LoadSync loadSync;

    @BeforeEach
    void onlyZoeWorks() throws Exception {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        // Work other tests left waiting would fill her one slot the moment she comes online.
        update("DELETE FROM routing.queued_work");
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Zoe\",\"team\":\"night\",\"presence\":\"online\",\"skills\":" + ALL_SKILLS + ","
                        + "\"capacity\":{\"whatsapp\":1}}")
                .put("/api/agents/{id}", zoe).then().statusCode(200);
    }

    @AfterEach
    void backToTheDemoTeam() throws Exception {
        update("DELETE FROM routing.conversation_assignment WHERE agent_id = '" + zoe + "'");
        AsUser.admin().delete("/api/agents/{id}", zoe);
        SEEDED.forEach(agent -> presence(agent, "online"));
        loadSync.sync().await().atMost(DECIDED);
        sender.close();
    }

    @Test
    void anAgentFilledByAnotherInstanceGetsNoMoreWorkFromThisOne() throws Exception {
        holdElsewhere(zoe);
        assertThat(load(zoe)).as("this instance has not seen the other's assignment yet").isZero();

        InboundMessage message = newMessage("My router lost its connection again");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);

        RoutingEvent decision = await().atMost(DECIDED).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0);
        assertThat(decision).as("zoe's one slot is taken: the database said so before the commit")
                .isInstanceOf(MessageQueued.class);
        assertThat(heldBy(zoe)).isEqualTo(1);
        assertThat(load(zoe)).as("learned from the database").isEqualTo(1);
    }

    @Test
    void capacityAnotherInstanceFreedIsSeenAtTheNextReadingAndQueuedWorkTakesIt() throws Exception {
        holdElsewhere(zoe);
        loadSync.sync().await().atMost(DECIDED);
        assertThat(load(zoe)).isEqualTo(1);
        InboundMessage message = newMessage("Is anyone there? My line is dead");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        assertThat(await().atMost(DECIDED).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0))
                .isInstanceOf(MessageQueued.class);

        // The other instance saw the ticket solved and let go of the conversation.
        update("DELETE FROM routing.conversation_assignment WHERE conversation_key = '" + elsewhere + "'");
        assertThat(loadSync.sync().await().atMost(DECIDED)).as("room found").isTrue();

        List<RoutingEvent> decisions = await().atMost(DECIDED).until(() -> decisionsFor(message), d -> d.size() == 2);
        assertThat(((MessageAssigned) decisions.get(1)).agentId()).isEqualTo(zoe);
        assertThat(heldBy(zoe)).isEqualTo(1);
    }

    @Test
    void aPresenceChangeHereKeepsWhatAnotherInstanceChangedOnTheAgentAMomentBefore() throws Exception {
        // Through the other instance's API: zoe became a billing expert (this instance has not read it yet).
        update("UPDATE routing.agent SET doc = jsonb_set(doc, '{skills,billing}', '4'), "
                + "updated_at = now() WHERE id = '" + zoe + "'");

        AsUser.admin().contentType("application/json").body("{\"presence\":\"away\"}")
                .put("/api/agents/{id}/presence", zoe)
                .then().statusCode(200)
                .body("agent.presence", equalTo("away"))
                .body("agent.skills.billing", equalTo(4));
        assertThat(text("SELECT doc->'skills'->>'billing' FROM routing.agent WHERE id = '" + zoe + "'"))
                .as("the presence change wrote the presence only").isEqualTo("4");
    }

    @Test
    void anAgentSetAwayThroughAnotherInstanceGetsNoWorkHereEvenBeforeTheNextReadingAndTakesItWhenBack()
            throws Exception {
        setPresenceElsewhere("away");

        InboundMessage message = newMessage("Billing question about my last invoice");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        assertThat(await().atMost(DECIDED).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0))
                .as("zoe is away: the database said so before the commit").isInstanceOf(MessageQueued.class);
        AsUser.admin().get("/api/agents/{id}", zoe).then().body("agent.presence", equalTo("away"));

        // Back online through the other instance: this one reads it and gives her the waiting work.
        setPresenceElsewhere("online");
        assertThat(loadSync.sync().await().atMost(DECIDED)).as("room found").isTrue();
        List<RoutingEvent> decisions = await().atMost(DECIDED).until(() -> decisionsFor(message), d -> d.size() == 2);
        assertThat(((MessageAssigned) decisions.get(1)).agentId()).isEqualTo(zoe);
    }

    @Test
    void anAgentDeletedThroughAnotherInstanceGetsNoWorkHereEvenBeforeTheNextReading() throws Exception {
        update("DELETE FROM routing.agent WHERE id = ?", zoe);
        AsUser.admin().get("/api/agents/{id}", zoe).then().statusCode(200); // this instance has not read it yet

        InboundMessage message = newMessage("My modem keeps rebooting itself");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        assertThat(await().atMost(DECIDED).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0))
                .as("zoe is gone: the database said so before the commit").isInstanceOf(MessageQueued.class);
        AsUser.admin().get("/api/agents/{id}", zoe).then().statusCode(404);
        assertThat(heldBy(zoe)).isZero();
    }

    private void setPresenceElsewhere(String presence) throws Exception {
        update("UPDATE routing.agent SET doc = jsonb_set(doc, '{presence}', '\"" + presence + "\"'), "
                + "updated_at = now() WHERE id = '" + zoe + "'");
    }

    private void holdElsewhere(String agent) throws Exception {
        update("INSERT INTO routing.conversation_assignment (conversation_key, agent_id, channel, assigned_at) "
                + "VALUES ('" + elsewhere + "', '" + agent + "', 'whatsapp', now())");
    }

    private List<RoutingEvent> decisionsFor(InboundMessage message) {
        return TeamDesk.decisionsFor(topics, message);
    }
}

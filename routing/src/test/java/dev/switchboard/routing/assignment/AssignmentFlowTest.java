package dev.switchboard.routing.assignment;

import static dev.switchboard.routing.assignment.TeamDesk.heldBy;
import static dev.switchboard.routing.assignment.TeamDesk.load;
import static dev.switchboard.routing.assignment.TeamDesk.newMessage;
import static dev.switchboard.routing.assignment.TeamDesk.presence;
import static dev.switchboard.routing.assignment.TeamDesk.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.auth.AsUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class AssignmentFlowTest {
    private static final List<String> SEEDED = List.of("alice", "bob", "carol");
    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
    private final TopicProbe topics = new TopicProbe(bootstrap);
    private final EventSender sender = new EventSender(bootstrap);

    @Inject
    QueueDrainer drainer;

    @AfterEach
    void backToTheDemoTeam() {
        SEEDED.forEach(agent -> presence(agent, "online"));
        AsUser.admin().delete("/api/agents/zoe");
        sender.close();
    }

    @Test
    void withNobodyOnlineAMessageIsQueuedAndAssignedTheMomentAnAgentComesOnline() {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        InboundMessage message = newMessage("Nobody home?");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);

        MessageQueued queued = (MessageQueued) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0);
        assertThat(queued.queue()).isEqualTo("general");
        assertThat(queued.decision().reasons()).contains("queued: no eligible agent with free capacity");
        AsUser.admin().get("/api/queues/general").then().statusCode(200)
                .body("conversationKey", hasItem(message.conversationKey()));
        AsUser.admin().get("/api/queues").then().statusCode(200)
                .body("find { it.queue == 'general' }.waiting", greaterThanOrEqualTo(1));

        presence("bob", "online");

        List<RoutingEvent> decisions = await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(message), d -> d.size() == 2);
        MessageAssigned assigned = (MessageAssigned) decisions.get(1);
        assertThat(assigned.agentId()).isEqualTo("bob");
        assertThat(assigned.decision().reasons()).first().isEqualTo("was queued; capacity freed");
    }

    @Test
    void aBreachedSlaMovesWaitingWorkOnePriorityUp() {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        InboundMessage message = newMessage("Still waiting for an answer");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0))
                .isInstanceOf(MessageQueued.class);
        UUID ticket = UUID.randomUUID();
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), new TicketEvent.Created(UUID.randomUUID(), ticket,
                Instant.now(), 4711, "whatsapp", message.conversationKey(), "medium", null));
        TicketEvent.SlaBreached breach = new TicketEvent.SlaBreached(UUID.randomUUID(), ticket, Instant.now(),
                "first-response", Instant.now().minusSeconds(60));
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), breach);
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), breach); // redelivered: raises once

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> AsUser.admin().get("/api/queues/general").then()
                .body("find { it.conversationKey == '" + message.conversationKey() + "' }.priority", equalTo("high")));
    }

    @Test
    void anSlaWarningMovesWaitingWorkOnePriorityUpBeforeAnyBreach() {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        InboundMessage message = newMessage("Is anyone looking at this?");
        sender.send(Topics.INTAKE_MESSAGES, message.conversationKey(), message);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(message), d -> !d.isEmpty()).get(0))
                .isInstanceOf(MessageQueued.class);
        UUID ticket = UUID.randomUUID();
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), new TicketEvent.Created(UUID.randomUUID(), ticket,
                Instant.now(), 4712, "whatsapp", message.conversationKey(), "medium", null));
        TicketEvent.SlaWarning warning = new TicketEvent.SlaWarning(UUID.randomUUID(), ticket, Instant.now(),
                "first-response", Instant.now().plusSeconds(900));
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), warning);
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), warning); // redelivered: raises once

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> AsUser.admin().get("/api/queues/general").then()
                .body("find { it.conversationKey == '" + message.conversationKey() + "' }.priority", equalTo("high")));
    }

    @Test
    void solvingATicketFreesTheAgentForTheNextQueuedConversation() {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Zoe\",\"team\":\"night\",\"presence\":\"online\",\"capacity\":{\"whatsapp\":1}}")
                .put("/api/agents/zoe")
                .then().statusCode(200).body("agent.capacity.whatsapp", equalTo(1));
        InboundMessage first = newMessage("First customer");
        InboundMessage second = newMessage("Second customer");
        sender.send(Topics.INTAKE_MESSAGES, first.conversationKey(), first);
        assertThat(((MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(first), d -> !d.isEmpty()).get(0)).agentId()).isEqualTo("zoe");
        sender.send(Topics.INTAKE_MESSAGES, second.conversationKey(), second);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(second), d -> !d.isEmpty()).get(0))
                .isInstanceOf(MessageQueued.class);
        AsUser.admin().get("/api/agents/zoe").then().body("load.whatsapp", equalTo(1));

        TicketEvent.Solved solved = new TicketEvent.Solved(UUID.randomUUID(), UUID.randomUUID(), Instant.now(),
                "whatsapp", first.conversationKey(), "zoe");
        // An unreadable record ahead of it on the same partition is put aside, not in the way.
        sender.sendRaw(Topics.TICKET_EVENTS, solved.ticketId().toString(), "not a ticket event".getBytes());
        sender.send(Topics.TICKET_EVENTS, solved.ticketId().toString(), solved);
        sender.send(Topics.TICKET_EVENTS, solved.ticketId().toString(), solved); // redelivered: frees once

        List<RoutingEvent> decisions = await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(second), d -> d.size() == 2);
        assertThat(((MessageAssigned) decisions.get(1)).agentId()).isEqualTo("zoe");
        AsUser.admin().get("/api/agents/zoe").then().body("load.whatsapp", equalTo(1));
        assertThat(topics.readAll(Topics.deadLetter(Topics.TICKET_EVENTS),
                r -> solved.ticketId().toString().equals(r.key())))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value()))
                        .isNotBlank());
    }

    @Test
    void aTicketMovedToAnotherAgentByAPersonTakesTheCustomersFollowUpAndTheLoadWithIt() {
        InboundMessage first = newMessage("My wifi drops every hour");
        sender.send(Topics.INTAKE_MESSAGES, first.conversationKey(), first);
        String holder = ((MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(first), d -> !d.isEmpty()).get(0)).agentId();
        String other = SEEDED.stream().filter(a -> !a.equals(holder)).findFirst().orElseThrow();
        UUID ticket = UUID.randomUUID();
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), new TicketEvent.Created(UUID.randomUUID(), ticket,
                Instant.now(), 1, "whatsapp", first.conversationKey(), "medium", holder));
        int holderLoad = load(holder);
        int otherLoad = load(other);

        // A supervisor hands the ticket to the other agent in ticket-core (delivered twice: applied once).
        TicketEvent.Assigned moved = new TicketEvent.Assigned(UUID.randomUUID(), ticket, Instant.now(), "whatsapp",
                other, holder, true);
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), moved);
        sender.send(Topics.TICKET_EVENTS, ticket.toString(), moved);
        await().atMost(Duration.ofSeconds(30)).until(() -> load(other) == otherLoad + 1);
        assertThat(load(holder)).isEqualTo(holderLoad - 1);

        InboundMessage followUp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), first.sender().channelUserId(),
                first.sender().displayName(), "Still dropping, any news?");
        sender.send(Topics.INTAKE_MESSAGES, followUp.conversationKey(), followUp);
        MessageAssigned next = (MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(followUp), d -> !d.isEmpty()).get(0);
        assertThat(next.agentId()).as("the follow-up goes to whom the ticket was given, not back").isEqualTo(other);
        assertThat(load(other)).isEqualTo(otherLoad + 1);
    }

    @Test
    void aFollowUpRacingTheQueueDrainForTheSameConversationLeavesOneHolderAndTrueLoad() throws Exception {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Zoe\",\"team\":\"night\",\"presence\":\"offline\",\"capacity\":{\"whatsapp\":10}}")
                .put("/api/agents/zoe").then().statusCode(200);
        InboundMessage first = newMessage("Is anybody there at all?");
        sender.send(Topics.INTAKE_MESSAGES, first.conversationKey(), first);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(first), d -> !d.isEmpty()).get(0))
                .isInstanceOf(MessageQueued.class);
        InboundMessage followUp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), first.sender().channelUserId(),
                first.sender().displayName(), "Hello again, still waiting here");

        var infra = Infrastructure.shared();
        try (Connection held = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            // Hold the conversation so that the drain and the follow-up both reach it before either goes on.
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('conversation'), hashtext(?))")) {
                lock.setString(1, "conversation:" + first.conversationKey());
                lock.execute();
            }
            presence("zoe", "online"); // the drain plans zoe for the queued conversation
            sender.send(Topics.INTAKE_MESSAGES, followUp.conversationKey(), followUp);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForLocks() >= 2);
            held.rollback();
        }

        // Whichever went first, the conversation has one holder and zoe's load counts each of hers once.
        MessageAssigned next = (MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(followUp), d -> !d.isEmpty()).get(0);
        assertThat(next.agentId()).isEqualTo("zoe");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(holderOf(first.conversationKey())).isEqualTo("zoe");
            assertThat(load("zoe")).as("zoe's load against the conversations she holds").isEqualTo(heldBy("zoe"));
        });
    }

    private static long waitingForLocks() throws Exception {
        return Long.parseLong(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
    }

    private static String holderOf(String conversationKey) throws Exception {
        return text("SELECT agent_id FROM routing.conversation_assignment WHERE conversation_key = ?", conversationKey);
    }


    @Test
    void aConversationNobodyAnswersIsOfferedToSomeoneElseButAnAnsweredOneStays() throws Exception {
        InboundMessage ignored = newMessage("Hello? Anyone?");
        InboundMessage answered = newMessage("Thanks for the quick answer");
        sender.send(Topics.INTAKE_MESSAGES, ignored.conversationKey(), ignored);
        sender.send(Topics.INTAKE_MESSAGES, answered.conversationKey(), answered);
        String first = ((MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(ignored), d -> !d.isEmpty()).get(0)).agentId();
        String helper = ((MessageAssigned) await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(answered), d -> !d.isEmpty()).get(0)).agentId();
        TicketEvent.AgentReplied reply = new TicketEvent.AgentReplied(UUID.randomUUID(), UUID.randomUUID(),
                Instant.now(), "whatsapp", answered.conversationKey(), helper);
        sender.send(Topics.TICKET_EVENTS, reply.ticketId().toString(), reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> answeredAt(answered.conversationKey()) != null);

        // An hour later: the clock of the unanswered one has run out.
        drainer.reofferUnanswered(Instant.now().plus(Duration.ofHours(1))).await().atMost(Duration.ofSeconds(30));
        drainer.drain().await().atMost(Duration.ofSeconds(30));

        List<RoutingEvent> again = await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(ignored), d -> d.size() == 2);
        MessageAssigned reassigned = (MessageAssigned) again.get(1);
        assertThat(reassigned.agentId()).isNotEqualTo(first);
        assertThat(reassigned.decision().reasons()).anyMatch(r -> r.contains(first + " let an earlier offer go unanswered"));
        assertThat(decisionsFor(answered)).hasSize(1);
    }

    private String answeredAt(String conversationKey) throws Exception {
        return text("SELECT answered_at FROM routing.conversation_assignment WHERE conversation_key = ?", conversationKey);
    }

    @Test
    void aFollowUpKeepsTheConversationsLanguageAndSoItsAgentWhateverItsFewWordsLookLike() {
        SEEDED.forEach(agent -> presence(agent, "offline"));
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Zoe\",\"team\":\"dach\",\"presence\":\"online\",\"languages\":[\"de\"],\"skills\":{\"connectivity\":3},"
                        + "\"capacity\":{\"whatsapp\":2}}")
                .put("/api/agents/zoe")
                .then().statusCode(200);
        InboundMessage first = newMessage("Guten Tag, mein Router verliert seit gestern ständig die Verbindung zum Internet.");
        sender.send(Topics.INTAKE_MESSAGES, first.conversationKey(), first);
        RoutingEvent assigned = await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(first), d -> !d.isEmpty()).get(0);
        assertThat(assigned.decision().reasons()).contains("language de: detected");
        assertThat(assigned).isInstanceOfSatisfying(MessageAssigned.class, a -> assertThat(a.agentId()).isEqualTo("zoe"));

        // The customer pastes the error their router shows: English on its own, in a German conversation.
        String waId = first.sender().channelUserId();
        InboundMessage followUp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), waId, "Customer " + waId,
                "Error: connection timed out while contacting the update server, please try again later");
        assertThat(followUp.conversationKey()).isEqualTo(first.conversationKey());
        sender.send(Topics.INTAKE_MESSAGES, followUp.conversationKey(), followUp);

        RoutingEvent next = await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsFor(followUp), d -> !d.isEmpty()).get(0);
        assertThat(next.decision().reasons())
                .contains("language de: the conversation's, set by message " + first.id())
                .contains("sticky: zoe already has this conversation");
        assertThat(next).isInstanceOfSatisfying(MessageAssigned.class, a -> {
            assertThat(a.agentId()).isEqualTo("zoe");
            assertThat(a.classification().language()).isEqualTo("de");
        });
    }

    @Test
    void anInvalidAgentIsRefusedWithTheReason() {
        AsUser.admin().contentType("application/json")
                .body("{\"name\":\"Zoe\",\"capacity\":{\"fax\":3}}")
                .put("/api/agents/zoe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown channel fax"));
        AsUser.admin().contentType("application/json")
                .body("{\"skills\":{\"billing\":9}}")
                .put("/api/agents/zoe")
                .then().statusCode(400).body("detail", containsString("level from 1 to 5"));
        AsUser.admin().get("/api/agents/zoe").then().statusCode(404);
        AsUser.admin().contentType("application/json").body("{\"presence\":\"busy\"}")
                .put("/api/agents/alice/presence")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("presence must be online, away or offline"));
        AsUser.admin().get("/api/agents/alice").then().body("agent.presence", equalTo("online"));
    }

    private List<RoutingEvent> decisionsFor(InboundMessage message) {
        return TeamDesk.decisionsFor(topics, message);
    }
}

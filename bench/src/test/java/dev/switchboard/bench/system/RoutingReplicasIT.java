package dev.switchboard.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two routing processes share the intake's partitions, the database and one small team: both think
 * every agent is free, both assign at once, and the database must keep each agent within capacity.
 */
@ExtendWith(SharedStack.class)
@Order(2) // after PipelineSystemIT (which wants the demo team idle), before the benchmark fills it
class RoutingReplicasIT {
    private static final List<String> DEMO_TEAM = List.of("alice", "bob", "carol");
    private static final int AGENTS = 4;
    private static final int SLOTS = 2;
    private static final int CUSTOMERS = 40;
    private static final Duration SETTLED = Duration.ofSeconds(60);

    private final Stack stack = SharedStack.stack();
    private final Endpoints infra = stack.endpoints();
    private final SwitchboardClient client = new SwitchboardClient(stack.url("channel-whatsapp"), stack.url("ticket-core"));
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    /** This run's customers' numbers (+3247 xxxx nnn): new contacts, so no follow-up goes to an agent already. */
    private final int customers = ThreadLocalRandom.current().nextInt(10_000);

    @Test
    void twoRoutingInstancesRacingForTheSameAgentsNeverGiveOneOfThemMoreThanTheirCapacity() throws Exception {
        List<String> team = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            team.add("replica-" + run + "-" + i);
        }
        List<UUID> messages = new ArrayList<>();
        try {
            DEMO_TEAM.forEach(agent -> presence(agent, "offline"));
            for (String agent : team) {
                assertThat(client.putJson(stack.url("routing") + "/api/agents/" + agent, "{\"team\":\"replicas\","
                        + "\"presence\":\"online\",\"skills\":{\"connectivity\":3,\"software\":3,\"hardware\":3,"
                        + "\"account\":3,\"billing\":3},\"capacity\":{\"whatsapp\":" + SLOTS + "}}").statusCode())
                        .isEqualTo(200);
            }
            // The second instance reads the team at start and never again (no periodic reading): whatever the
            // first assigns, the second believes those agents free, and races for their slots for certain.
            stack.startReplica("routing", "routing-2", Map.of("SWITCHBOARD_ROUTING_LOAD_SYNC", "1h"));
            assertThat(client.get(stack.url("routing-2") + "/api/agents/" + team.get(AGENTS - 1)).statusCode())
                    .isEqualTo(200);
            // Both instances' consumers share the intake's six partitions.
            await().atMost(SETTLED).until(() -> membersWithPartitions("routing") == Math.min(6, 2 * consumersEach()));

            for (int i = 0; i < CUSTOMERS; i++) {
                String wamid = "wamid.replicas-" + UUID.randomUUID();
                String body = WhatsAppWebhooks.textMessage(wamid, String.format("3247%04d%03d", customers, i),
                        "Replica customer " + i, "My internet connection drops every few minutes");
                assertThat(client.postWhatsApp(body, WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, body))
                        .statusCode()).isEqualTo(200);
                messages.add(MessageIds.inbound(Channel.WHATSAPP, wamid));
            }

            await().atMost(SETTLED).until(() -> count("SELECT count(*) FROM routing.routed_message "
                    + "WHERE message_id = ANY(?)", messages) == CUSTOMERS);
            // Every slot is taken in the end (the loser of a race queues the work; the drain gives it the free slot).
            await().atMost(SETTLED).until(() -> heldBy(team).values().stream().mapToInt(Integer::intValue).sum()
                    >= AGENTS * SLOTS);
            assertThat(heldBy(team)).as("conversations each agent holds").hasSize(AGENTS)
                    .allSatisfy((agent, held) -> assertThat(held).isEqualTo(SLOTS));
            assertThat(assignmentsPublished(messages)).as("assignments on routing.assignments.v1, each once")
                    .isEqualTo(AGENTS * SLOTS);
            assertThat(conflicts("routing") + conflicts("routing-2")).as("races lost to the other instance, undone")
                    .isPositive();
        } finally {
            stack.stopService("routing-2");
            update("DELETE FROM routing.queued_work WHERE message_id = ANY(?)", "uuid", messages);
            update("DELETE FROM routing.conversation_assignment WHERE agent_id = ANY(?)", "text", team);
            team.forEach(agent -> client.delete(stack.url("routing") + "/api/agents/" + agent));
            DEMO_TEAM.forEach(agent -> presence(agent, "online"));
        }
    }

    private void presence(String agent, String presence) {
        assertThat(client.putJson(stack.url("routing") + "/api/agents/" + agent + "/presence",
                "{\"presence\":\"" + presence + "\"}").statusCode()).isEqualTo(200);
    }

    /** The instance's count of transactions undone because the other had filled an agent meanwhile. */
    private double conflicts(String instance) {
        String metrics = client.get(stack.url(instance) + "/q/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("switchboard_routing_capacity_conflicts_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Each routing instance's intake consumers (the stack passes its environment on to them). */
    private static int consumersEach() {
        return Integer.parseInt(System.getenv().getOrDefault("SWITCHBOARD_ROUTING_CONSUMERS", "3"));
    }

    private int membersWithPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return (int) description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    /** Distinct assignment decisions published for these messages (a re-publish of one decision counts once). */
    private int assignmentsPublished(List<UUID> messages) {
        Set<String> subjects = new HashSet<>();
        messages.forEach(m -> subjects.add(m.toString()));
        Set<UUID> decisions = new HashSet<>();
        new TopicProbe(infra.kafkaBootstrapServers()).readAll(Topics.ROUTING_ASSIGNMENTS,
                        r -> subjects.contains(CloudEvents.read(r.headers()).subject()))
                .forEach(r -> {
                    if (Json.read(r.value(), RoutingEvent.class) instanceof MessageAssigned assigned) {
                        decisions.add(assigned.decision().decisionId());
                    }
                });
        return decisions.size();
    }

    private Map<String, Integer> heldBy(List<String> team) throws Exception {
        Map<String, Integer> held = new HashMap<>();
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement("SELECT agent_id, count(*) FROM routing.conversation_assignment "
                     + "WHERE agent_id = ANY(?) AND channel = 'whatsapp' GROUP BY agent_id")) {
            q.setArray(1, c.createArrayOf("text", team.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return held;
    }

    private long count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @param type the array's element type, named: the list may be empty (a run that failed before sending) */
    private void update(String sql, String type, List<?> values) throws Exception {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf(type, values.toArray()));
            q.executeUpdate();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
    }
}

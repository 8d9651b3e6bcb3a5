package dev.switchboard.routing.assignment;

import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.auth.AsUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

/**
 * What the assignment tests do and look at, as a supervisor and a customer would: agents' presence
 * and load over the API, a new customer's WhatsApp message, the decisions on the topic; and the
 * tables themselves where a test must see (or write, as another instance would) what is stored.
 */
final class TeamDesk {
    private TeamDesk() {
    }

    static void presence(String agent, String presence) {
        AsUser.admin().contentType("application/json").body("{\"presence\":\"" + presence + "\"}")
                .put("/api/agents/{id}/presence", agent)
                .then().statusCode(200).body("agent.presence", equalTo(presence));
    }

    /** The agent's WhatsApp conversations as routing's API shows them. */
    static int load(String agent) {
        Integer n = AsUser.admin().get("/api/agents/{id}", agent).then().statusCode(200)
                .extract().path("load.whatsapp");
        return n == null ? 0 : n;
    }

    /** A message from a customer routing has not seen before. */
    static InboundMessage newMessage(String text) {
        String waId = "3249" + (100000 + (int) (Math.random() * 899999));
        return SampleMessages.whatsapp("wamid." + UUID.randomUUID(), waId, "Customer " + waId, text);
    }

    static List<RoutingEvent> decisionsFor(TopicProbe topics, InboundMessage message) {
        return topics.readAll(Topics.ROUTING_ASSIGNMENTS,
                        r -> message.id().toString().equals(CloudEvents.read(r.headers()).subject()))
                .stream()
                .map(r -> Json.read(r.value(), RoutingEvent.class))
                .toList();
    }

    /** The WhatsApp conversations the database says the agent holds. */
    static int heldBy(String agent) throws Exception {
        return Integer.parseInt(text("SELECT count(*) FROM routing.conversation_assignment WHERE agent_id = ? "
                + "AND channel = 'whatsapp'", agent));
    }

    /** The first column of the first row as text, or null when there is no row. */
    static String text(String sql, String... parameters) throws Exception {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void update(String sql, String... parameters) throws Exception {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setString(i + 1, parameters[i]);
            }
            q.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        var infra = Infrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
    }
}

package dev.switchboard.ticket.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What an agent's console does, plus a look at the database and topics behind it. */
public final class TicketApi {
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The development issuer's admin: sees every team's tickets. What the helpers below call as. */
    public static final String ADMIN = "admin";
    /** Every demo user's password in the embedded default. */
    public static final String DEMO_PASSWORD = "switchboard-dev";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** JSON path of the messages people wrote (customer, agents); the automatic notices left out. */
    public static final String WRITTEN = "messages.findAll { !it.automatic }";

    private TicketApi() {
    }

    /**
     * A request as this demo user (alice, bob, carol, dave, sam, admin): {@code given()} with the
     * bearer token the development issuer gave them. Converting a test: {@code given()} becomes
     * {@code TicketApi.as(TicketApi.ADMIN)} (or the user the test is about).
     */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }

    /** The user's token from {@code POST /auth/token}, fetched once per test JVM (tokens live 8 h). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, name -> given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", DEMO_PASSWORD))
                .post("/auth/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** The id of the one ticket assigned to this agent, once it is there. */
    public static String ticketOf(String assignee) {
        await().atMost(PATIENCE).untilAsserted(() -> as(ADMIN).queryParam("assignee", assignee).get("/api/queue")
                .then().statusCode(200).body("", hasSize(1)));
        return as(ADMIN).queryParam("assignee", assignee).get("/api/queue").then().extract().path("[0].id");
    }

    /** The id of the ticket of a conversation, once intake stored it (an agent may hold several tickets). */
    public static String ticketOfConversation(String conversationKey) {
        String[] id = new String[1];
        await().atMost(PATIENCE).until(() -> {
            id[0] = query("select id::text from ticket.ticket where conversation_key = ?", conversationKey);
            return id[0] != null;
        });
        return id[0];
    }

    public static Response post(String ticketId, String command, Map<String, ?> body) {
        return post(ADMIN, ticketId, command, body);
    }

    public static Response post(String user, String ticketId, String command, Map<String, ?> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/tickets/{id}/" + command, ticketId);
    }

    public static Response get(String ticketId) {
        return get(ADMIN, ticketId);
    }

    public static Response get(String user, String ticketId) {
        return as(user).get("/api/tickets/{id}", ticketId);
    }

    /** Runs one SQL statement against the service's database, as an operator would. */
    public static int sql(String statement, Object... params) {
        Endpoints infra = Infrastructure.shared();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
             var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, as text; null when there is no row. */
    public static String query(String statement, Object... params) {
        Endpoints infra = Infrastructure.shared();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
             var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on the topic with this key, as it is on the broker now. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return TestKafka.topics().readAll(topic, r -> key.equals(r.key()));
    }

    /** The agents' replies on an outbound topic; automatic notices (no agent) left out. */
    public static List<ConsumerRecord<String, byte[]>> agentReplies(String topic, String key) {
        return records(topic, key).stream()
                .filter(r -> Json.read(r.value(), OutboundMessage.class).agentId() != null)
                .toList();
    }

    public static String ceId(ConsumerRecord<String, byte[]> record) {
        return CloudEvents.read(record.headers()).id();
    }

    public static String ceType(ConsumerRecord<String, byte[]> record) {
        return CloudEvents.read(record.headers()).type();
    }

    public static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}

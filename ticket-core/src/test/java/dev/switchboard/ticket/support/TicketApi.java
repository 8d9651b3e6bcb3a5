package dev.switchboard.ticket.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.contract.CloudEvents;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What an agent's console does, plus a look at the database and topics behind it. */
public final class TicketApi {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private TicketApi() {
    }

    /** The id of the one ticket assigned to this agent, once it is there. */
    public static String ticketOf(String assignee) {
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("assignee", assignee).get("/api/queue")
                .then().statusCode(200).body("", hasSize(1)));
        return given().queryParam("assignee", assignee).get("/api/queue").then().extract().path("[0].id");
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
        return given().contentType(ContentType.JSON).body(body).post("/api/tickets/{id}/" + command, ticketId);
    }

    public static Response get(String ticketId) {
        return given().get("/api/tickets/{id}", ticketId);
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

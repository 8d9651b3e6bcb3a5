package dev.switchboard.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class ServiceEndpointsTest {

    @Test
    void anUnknownTicketIsANotFoundProblem() {
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", is("Ticket not found"))
                .body("type", containsString("ticket-not-found"))
                .body("detail", containsString("no ticket with id"));
    }

    @Test
    void aMalformedTicketIdIsABadRequestProblem() {
        TicketApi.as(TicketApi.ADMIN).get("/api/tickets/{id}", "not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("detail", containsString("not-a-uuid"));
    }

    @Test
    void theServiceIsReadyWithKafkaAndTheDatabaseUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body(containsString("Kafka"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsIncludeTheTicketCounters() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("switchboard_tickets_created_total"))
                .body(containsString("switchboard_ticket_messages_stored_total"));
    }

    @Test
    void theOpenApiDocumentDescribesTheQueue() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/queue"))
                .body(containsString("/api/tickets/{id}"));
    }
}

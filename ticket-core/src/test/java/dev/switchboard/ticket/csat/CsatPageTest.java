package dev.switchboard.ticket.csat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.ticket.TicketEvent;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.Conversations;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The public survey page over plain HTTP; the browser test drives the same page in Chromium. */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class CsatPageTest {

    static Response answer(String token, String rating, String comment) {
        var request = given().contentType("application/x-www-form-urlencoded").formParam("rating", rating);
        if (comment != null) {
            request.formParam("comment", comment);
        }
        return request.post("/csat/{token}", token);
    }

    @Test
    void theSurveyLinkOpensAFormForTheSolvedTicket() {
        String ticketId = Conversations.start("fay", Priority.MEDIUM).open("Where do I find my invoices?");
        long number = ((Number) TicketApi.get(ticketId).then().extract().path("number")).longValue();
        String token = Conversations.solveAndGetSurveyToken(ticketId);

        given().get("/csat/{token}", token).then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Ticket #" + number))
                .body(containsString("Where do I find my invoices?"))
                .body(containsString("name=\"rating\" value=\"5\""));
    }

    @Test
    void anAnswerIsStoredAndASecondAnswerReplacesIt() {
        String ticketId = Conversations.start("gil", Priority.MEDIUM).open("Password reset mail never arrives");
        String token = Conversations.solveAndGetSurveyToken(ticketId);

        answer(token, "2", "Took three days").then().statusCode(200).body(containsString("Took three days"));
        TicketApi.get(ticketId).then()
                .body("csat.rating", is(2))
                .body("csat.comment", is("Took three days"))
                .body("csat.channel", is("web"));

        // The customer changes their mind: the latest answer counts, one row per ticket.
        answer(token, "4", "").then().statusCode(200);
        TicketApi.get(ticketId).then()
                .body("csat.rating", is(4))
                .body("csat.comment", nullValue());
        // Each answer is announced; from the page without a conversation, so routing releases nothing.
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> assertThat(
                Conversations.events(ticketId, TicketEvent.CsatReceived.class))
                .extracting(TicketEvent.CsatReceived::rating, TicketEvent.CsatReceived::channel,
                        TicketEvent.CsatReceived::conversationKey)
                .containsExactly(tuple(2, "web", null), tuple(4, "web", null)));
    }

    @Test
    void anInvalidAnswerIsRefusedAndNothingIsStored() {
        String ticketId = Conversations.start("hal", Priority.MEDIUM).open("Cannot upload files");
        String token = Conversations.solveAndGetSurveyToken(ticketId);

        answer(token, "0", "zero").then().statusCode(400).body(containsString("from 1 to 5"));
        answer(token, "6", null).then().statusCode(400);
        answer(token, "five", null).then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded").formParam("comment", "no rating")
                .post("/csat/{token}", token).then().statusCode(400);
        answer(token, "5", "x".repeat(2001)).then().statusCode(400).body(containsString("under 2000 characters"));

        TicketApi.get(ticketId).then().body("csat", nullValue());
    }

    @Test
    void anUnknownOrExpiredLinkIsRefused() {
        given().get("/csat/{token}", "not-a-token").then().statusCode(404).body(containsString("not valid"));
        answer("not-a-token", "5", null).then().statusCode(404);

        String ticketId = Conversations.start("ida", Priority.MEDIUM).open("Printer offline");
        String token = Conversations.solveAndGetSurveyToken(ticketId);
        TicketApi.sql("update ticket.csat_survey set expires_at = now() - interval '1 second' where token = ?", token);

        given().get("/csat/{token}", token).then().statusCode(410).body(containsString("expired"))
                .body(not(containsString("<form")));
        answer(token, "5", null).then().statusCode(410);
        TicketApi.get(ticketId).then().body("csat", nullValue());
    }
}

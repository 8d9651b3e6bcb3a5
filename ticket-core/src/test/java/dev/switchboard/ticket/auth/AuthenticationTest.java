package dev.switchboard.ticket.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class AuthenticationTest {

    @Test
    void theQueueWithoutATokenIsAnUnauthorizedProblemThatAsksForABearerToken() {
        given().get("/api/queue")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("status", is(401))
                .body("type", containsString("unauthorized"));
    }

    @Test
    void aTicketCommandWithoutATokenIsRefusedBeforeAnythingHappens() {
        given().contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .post("/api/tickets/{id}/replies", java.util.UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenThatIsNotAJwtIsRefused() {
        given().auth().oauth2("not-a-token").get("/api/queue")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = DevTokens.sign(DevTokens.claims("mallory", List.of("admin"), List.of(),
                Instant.now().plusSeconds(3600)), DevTokens.strangerKey());
        given().auth().oauth2(forged).get("/api/queue")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = DevTokens.sign(DevTokens.claims("alice", List.of("agent"), List.of("tier1"),
                Instant.now().minusSeconds(3600)), DevTokens.developmentKey());
        given().auth().oauth2(expired).get("/api/queue")
                .then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        Map<String, Object> claims = DevTokens.claims("alice", List.of("agent"), List.of("tier1"), Instant.now().plusSeconds(3600));
        claims.put("iss", "https://somebody-else.example");
        given().auth().oauth2(DevTokens.sign(claims, DevTokens.developmentKey())).get("/api/queue")
                .then().statusCode(401);
    }

    @Test
    void aValidTokenWithoutASupportRoleIsForbidden() {
        String customer = DevTokens.mint("peter", List.of("customer"), List.of("tier1"));
        given().auth().oauth2(customer).get("/api/queue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403));
    }

    @Test
    void aTokenSignedWithTheDevelopmentKeyIsAccepted() {
        given().auth().oauth2(DevTokens.mint("alice", List.of("agent"), List.of("tier1"))).get("/api/queue")
                .then().statusCode(200);
    }

    @Test
    void theDevelopmentIssuerGivesADemoUserATokenThatOpensTheQueue() {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", TicketApi.DEMO_PASSWORD))
                .post("/auth/token")
                .then()
                .statusCode(200)
                .body("token_type", is("Bearer"))
                .body("expires_in", is(8 * 3600))
                .body("access_token", notNullValue())
                .extract().path("access_token");

        given().auth().oauth2(token).get("/api/queue").then().statusCode(200);
    }

    @Test
    void theDevelopmentIssuerRefusesAWrongPasswordAndAnUnknownUserAlike() {
        given().contentType(ContentType.JSON).body(Map.of("username", "alice", "password", "guess"))
                .post("/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", is("unknown user or wrong password"));
        given().contentType(ContentType.JSON).body(Map.of("username", "mallory", "password", TicketApi.DEMO_PASSWORD))
                .post("/auth/token")
                .then().statusCode(401)
                .body("detail", is("unknown user or wrong password"));
    }

    @Test
    void healthMetricsAndApiDocsStayOpenEvenWithABadToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}

package dev.switchboard.routing.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may read and change routing's settings, with tokens as ticket-core's development issuer signs them. */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class ApiAccessTest {

    @Test
    void withoutATokenEveryApiIsAnUnauthorizedProblem() {
        for (String path : List.of("/api/agents", "/api/rules", "/api/queues", "/api/contacts?identity=phone:+32470000000",
                "/api/decisions/" + UUID.randomUUID())) {
            given().get(path).then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = DevTokens.sign(DevTokens.claims("mallory", List.of(Roles.ADMIN), List.of(),
                Instant.now().plusSeconds(3600)), DevTokens.strangerKey());
        given().auth().oauth2(forged).get("/api/agents").then().statusCode(401);
    }

    @Test
    void aTokenWithoutASupportRoleIsForbidden() {
        given().auth().oauth2(DevTokens.mint("peter", List.of("customer"), List.of())).get("/api/agents")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAgentReadsAgentsRulesAndQueuesButChangesNoSettings() {
        AsUser.agent("alice").get("/api/agents").then().statusCode(200);
        AsUser.agent("alice").get("/api/rules").then().statusCode(200);
        AsUser.agent("alice").get("/api/queues").then().statusCode(200);

        AsUser.agent("alice").contentType("application/json").body("{\"name\":\"Yara\",\"presence\":\"offline\"}")
                .put("/api/agents/yara").then().statusCode(403).contentType("application/problem+json");
        AsUser.agent("alice").contentType("application/json").body("{\"name\":\"Anything\"}")
                .post("/api/rules").then().statusCode(403);
        AsUser.agent("alice").delete("/api/agents/bob").then().statusCode(403);
        AsUser.admin().get("/api/agents/bob").then().statusCode(200);
        AsUser.agent("alice").contentType("application/json")
                .body("{\"survivorId\":\"" + UUID.randomUUID() + "\",\"absorbedId\":\"" + UUID.randomUUID() + "\",\"mergedBy\":\"alice\"}")
                .post("/api/contacts/merge").then().statusCode(403);
    }

    @Test
    void anAgentSetsTheirOwnPresenceButNotSomeoneElses() {
        AsUser.agent("alice").contentType("application/json").body("{\"presence\":\"online\"}")
                .put("/api/agents/alice/presence").then().statusCode(200).body("agent.presence", equalTo("online"));
        AsUser.agent("alice").contentType("application/json").body("{\"presence\":\"offline\"}")
                .put("/api/agents/bob/presence").then().statusCode(403);
        AsUser.admin().get("/api/agents/bob").then().body("agent.presence", equalTo("online"));
    }

    @Test
    void aSupervisorManagesAgents() {
        String id = "yara-" + UUID.randomUUID();
        AsUser.supervisor().contentType("application/json").body("{\"name\":\"Yara\",\"presence\":\"offline\"}")
                .put("/api/agents/{id}", id).then().statusCode(200).body("agent.name", equalTo("Yara"));
        AsUser.supervisor().delete("/api/agents/{id}", id).then().statusCode(204);
    }

    @Test
    void healthMetricsAndApiDocsStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}

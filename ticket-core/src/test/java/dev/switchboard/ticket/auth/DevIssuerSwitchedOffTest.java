package dev.switchboard.ticket.auth;

import static io.restassured.RestAssured.given;

import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production: the development issuer is off, and tokens come from a real identity provider. */
@QuarkusTest
@TestProfile(DevIssuerSwitchedOffTest.Production.class)
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DevIssuerSwitchedOffTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.auth.dev-issuer.enabled", "false");
        }
    }

    @Test
    void theTokenEndpointIsNotThereEvenForTheRightPassword() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", DevTokens.DEMO_PASSWORD))
                .post("/auth/token")
                .then().statusCode(404);
    }

    @Test
    void tokensOfTheConfiguredIssuerStillOpenTheApi() {
        given().auth().oauth2(DevTokens.mint("alice", List.of("agent"), List.of("tier1"))).get("/api/queue")
                .then().statusCode(200);
    }
}

package dev.switchboard.routing.contact.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.routing.auth.AsUser;
import dev.switchboard.routing.contact.crm.CrmWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CrmWireMock.class, restrictToAnnotatedClass = false)
class ContactResourceTest {

    @Test
    void anAdminRecordsACustomerAndFindsHimByPhoneHoweverItIsWritten() {
        String phone = newPhone();
        String id = create(Map.of("name", "Frank", "company", "Globex", "plan", "enterprise",
                "customerSince", "2020-05-01", "products", java.util.List.of("fiber"),
                "identities", java.util.List.of("phone:" + phone.replace("+32", "0"), "email:Frank@Globex.example")));

        AsUser.admin().queryParam("identity", "phone:" + phone).when().get("/api/contacts")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("company", equalTo("Globex"))
                .body("customerSince", equalTo("2020-05-01"))
                .body("identities", containsInAnyOrder("email:frank@globex.example", "phone:" + phone));
    }

    @Test
    void aBadPhoneIsRefusedWithTheReason() {
        AsUser.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "identities", java.util.List.of("phone:call me maybe")))
                .when().post("/api/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not a phone number: call me maybe"));
        AsUser.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "identities", java.util.List.of("email:nope")))
                .when().post("/api/contacts")
                .then().statusCode(400)
                .body("detail", containsString("not an email address: nope"));
    }

    @Test
    void anUnknownContactIsNotFound() {
        AsUser.admin().when().get("/api/contacts/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        AsUser.admin().queryParam("identity", "email:" + UUID.randomUUID() + "@nowhere.example").when().get("/api/contacts")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anIdentityOfAnotherContactCannotBeTakenByAnUpdate() {
        String email = UUID.randomUUID() + "@one.example";
        create(Map.of("name", "One", "identities", java.util.List.of("email:" + email)));
        String other = create(Map.of("name", "Two", "identities", java.util.List.of("phone:" + newPhone())));

        AsUser.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Two", "identities", java.util.List.of("email:" + email)))
                .when().put("/api/contacts/{id}", other)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("email:" + email + " belongs to contact"));
    }

    @Test
    void undoingAMergeRestoresBothContacts() {
        String phone = newPhone();
        String email = UUID.randomUUID() + "@gina.example";
        String gina = create(Map.of("name", "Gina", "plan", "basic", "identities", java.util.List.of("phone:" + phone)));
        String ginaAtWork = create(Map.of("name", "Gina V.", "company", "Initech",
                "identities", java.util.List.of("email:" + email)));

        String mergeId = AsUser.admin().contentType(ContentType.JSON)
                .body(Map.of("survivorId", gina, "absorbedId", ginaAtWork, "mergedBy", "admin.hugo",
                        "reason", "same person, confirmed on the phone"))
                .when().post("/api/contacts/merge")
                .then().statusCode(200)
                .body("mergedBy", equalTo("admin.hugo"))
                .body("mergedAt", notNullValue())
                .extract().path("id");
        AsUser.admin().when().get("/api/contacts/{id}", gina).then()
                .body("company", equalTo("Initech"))
                .body("identities", containsInAnyOrder("phone:" + phone, "email:" + email));
        AsUser.admin().queryParam("identity", "email:" + email).when().get("/api/contacts").then().body("id", equalTo(gina));

        AsUser.admin().queryParam("by", "admin.hugo").when().post("/api/contacts/merges/{id}/undo", mergeId)
                .then().statusCode(200)
                .body("undoneBy", equalTo("admin.hugo"))
                .body("undoneAt", notNullValue());

        AsUser.admin().when().get("/api/contacts/{id}", gina).then()
                .body("name", equalTo("Gina"))
                .body("company", nullValue())
                .body("plan", equalTo("basic"))
                .body("identities", containsInAnyOrder("phone:" + phone));
        AsUser.admin().when().get("/api/contacts/{id}", ginaAtWork).then()
                .body("name", equalTo("Gina V."))
                .body("company", equalTo("Initech"))
                .body("mergedInto", nullValue())
                .body("identities", containsInAnyOrder("email:" + email));
        AsUser.admin().when().post("/api/contacts/merges/{id}/undo", mergeId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void csvImportReportsTheBadLinesAndKeepsTheGoodOnes() {
        String known = UUID.randomUUID() + "@known.example";
        String existing = create(Map.of("name", "Known", "identities", java.util.List.of("email:" + known)));
        String fresh = UUID.randomUUID() + "@fresh.example";
        String phone = newPhone();
        String csv = """
                name,email,phone,company,plan,revenue_band,customer_since,language,location,products
                Iris,%s,,Umbrella,business,10-50M,2019-02-03,en,Ghent,router;voip
                Known Person,%s,%s,Known Ltd,basic,,,,,
                Broken Mail,not-an-email,,,,,,,,
                No Identity,,,Nowhere,,,,,,
                Bad Date,%s,,,,,03/02/2019,,,
                """.formatted(fresh, known, phone, UUID.randomUUID() + "@date.example");

        AsUser.admin().contentType("text/csv").body(csv)
                .when().post("/api/contacts/import")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("rejected", equalTo(3))
                .body("rejections.line", containsInAnyOrder(4, 5, 6))
                .body("rejections.find { it.line == 4 }.reason", containsString("not an email address"))
                .body("rejections.find { it.line == 5 }.reason", equalTo("needs an email or a phone"))
                .body("rejections.find { it.line == 6 }.reason", containsString("customer_since is not a date"));

        AsUser.admin().queryParam("identity", "email:" + fresh).when().get("/api/contacts").then()
                .statusCode(200)
                .body("company", equalTo("Umbrella"))
                .body("products", containsInAnyOrder("router", "voip"));
        AsUser.admin().when().get("/api/contacts/{id}", existing).then()
                .body("company", equalTo("Known Ltd"))
                .body("identities", containsInAnyOrder("email:" + known, "phone:" + phone));
    }

    private static String create(Map<String, Object> body) {
        return AsUser.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/contacts")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String newPhone() {
        return "+32470" + (100000 + ThreadLocalRandom.current().nextInt(899999));
    }
}

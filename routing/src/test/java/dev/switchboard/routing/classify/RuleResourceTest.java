package dev.switchboard.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.auth.AsUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class RuleResourceTest {
    @Inject
    Classifier classifier;
    @Inject
    RuleRepository repository;

    @Test
    void theSeededRulesSendAWrongInvoiceToBilling() {
        var result = classify(mail("Wrong invoice", "Your invoice for November charges me twice."), "basic");

        assertThat(result.classification().category()).isEqualTo("billing");
        assertThat(result.classification().skill()).isEqualTo("billing");
        assertThat(result.classification().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(result.classification().language()).isEqualTo("en");
    }

    @Test
    void anEnterpriseCustomerWhoseWifiIsDownUrgentlyGetsCriticalConnectivity() {
        var result = classify(SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000001", "Ann",
                "urgent: our wifi is down in the whole office"), "enterprise");

        assertThat(result.classification().category()).isEqualTo("connectivity");
        assertThat(result.classification().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(result.reasons()).anyMatch(r -> r.contains("Enterprise customers come first"));
    }

    @Test
    void anAdminAddsARuleAndTheNextMessageIsClassifiedWithIt() {
        String id = AsUser.admin().contentType(ContentType.JSON)
                .body("""
                        {"name": "Smart plug is a product", "order": 5,
                         "when": {"keywords": ["smart plug"]},
                         "then": {"product": "SmartPlug", "category": "hardware", "priority": "high"}}""")
                .when().post("/api/rules")
                .then().statusCode(201)
                .header("Location", containsString("/api/rules/"))
                .body("enabled", equalTo(true))
                .extract().path("id");

        var result = classify(mail("Smart plug", "My smart plug does not switch on any more"), null);
        assertThat(result.classification().product()).isEqualTo("SmartPlug");
        assertThat(result.classification().priority()).isEqualTo(Priority.HIGH);

        AsUser.admin().contentType(ContentType.JSON)
                .body("""
                        {"name": "Smart plug is a product", "enabled": false, "order": 5,
                         "when": {"keywords": ["smart plug"]}, "then": {"product": "SmartPlug"}}""")
                .when().put("/api/rules/{id}", id)
                .then().statusCode(200).body("enabled", equalTo(false));
        assertThat(classify(mail("Smart plug", "My smart plug does not switch on"), null).classification().product())
                .isNull();

        AsUser.admin().when().get("/api/rules/{id}", id).then().statusCode(200).body("name", equalTo("Smart plug is a product"));
        AsUser.admin().when().get("/api/rules").then().statusCode(200).body("name", hasItem("Billing questions go to billing"));
        AsUser.admin().when().delete("/api/rules/{id}", id).then().statusCode(204);
        AsUser.admin().when().get("/api/rules/{id}", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aChangeMadeByAnotherInstanceIsPickedUpByTheRefresh() {
        classifier.current().await().atMost(Duration.ofSeconds(10));
        Rule other = new Rule(null, "Written by another instance", true, 1, Messages.keywords("zeppelin"),
                Messages.category("aviation"));
        // Written past this instance's API, as another instance would: only the revision tells.
        Rule stored = repository.create(other).await().atMost(Duration.ofSeconds(10));
        try {
            classifier.reloadWhenChanged().await().atMost(Duration.ofSeconds(10));
            assertThat(classify(mail("Zeppelin", "My zeppelin will not start"), null).classification().category())
                    .isEqualTo("aviation");
        } finally {
            repository.delete(stored.id()).await().atMost(Duration.ofSeconds(10));
            classifier.reload().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRuleWithAnUnknownPriorityIsRefusedWithTheReason() {
        AsUser.admin().contentType(ContentType.JSON)
                .body("""
                        {"name": "Blockers", "when": {"keywords": ["blocker"]}, "then": {"priority": "blocker"}}""")
                .when().post("/api/rules")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid rule"))
                .body("problems", hasItem("unknown priority 'blocker' (critical, high, medium, low)"));
    }

    @Test
    void anEmptyRuleOrABadPatternIsRefused() {
        AsUser.admin().contentType(ContentType.JSON).body("{\"name\": \"Nothing\"}")
                .when().post("/api/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at least one condition"));
        AsUser.admin().contentType(ContentType.JSON)
                .body("{\"name\": \"Bad\", \"when\": {\"inboxPattern\": \"([\"}, \"then\": {\"boost\": 1}}")
                .when().post("/api/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a valid regular expression"));
        AsUser.admin().contentType(ContentType.JSON).body("{\"name\": \"Bad\", \"then\": {\"boost\": \"lots\"}}")
                .when().post("/api/rules")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void updatingOrDeletingAnUnknownRuleIs404() {
        UUID unknown = UUID.randomUUID();
        AsUser.admin().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"when\": {\"keywords\": [\"x\"]}, \"then\": {\"boost\": 1}}")
                .when().put("/api/rules/{id}", unknown)
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(unknown.toString()));
        AsUser.admin().when().delete("/api/rules/{id}", unknown).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminTriesASampleMessageWithoutStoringAnything() {
        AsUser.admin().contentType(ContentType.JSON)
                .body("""
                        {"channel": "email", "subject": "App crash", "text": "How do I stop the app from crashing? It shows an error."}""")
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("classification.type", equalTo("bug"))
                .body("classification.priority", equalTo("medium"))
                .body("reasons", hasItem(containsString("Crashes and errors are bugs")));

        AsUser.admin().contentType(ContentType.JSON)
                .body("""
                        {"text": "the printer is on fire",
                         "rules": [{"name": "Fire", "when": {"keywords": ["fire"]}, "then": {"priority": "critical"}}]}""")
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("classification.priority", equalTo("critical"))
                .body("classification.category", nullValue());
    }

    private ClassificationResult classify(InboundMessage message, String plan) {
        ContactContext contact = new ContactContext(UUID.randomUUID(), "Peter", null, plan, null, null, null, null,
                List.of(), 0, null);
        return classifier.classify(message, contact).await().atMost(Duration.ofSeconds(10));
    }

    private static InboundMessage mail(String subject, String text) {
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";
        return new InboundMessage(MessageIds.inbound(Channel.EMAIL, messageId), Channel.EMAIL, "support@acme.example",
                messageId, "email:" + messageId, Instant.now(), Instant.now(),
                new Sender("Peter", "peter@example.com", null, null, null), subject, text, null, List.of(), List.of(),
                false, null, null);
    }
}

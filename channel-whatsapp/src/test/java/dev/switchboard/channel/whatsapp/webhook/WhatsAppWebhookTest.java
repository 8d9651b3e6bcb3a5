package dev.switchboard.channel.whatsapp.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "false"))
class WhatsAppWebhookTest {
    private static final String SECRET = WhatsAppWebhooks.DEV_APP_SECRET;
    private final TopicProbe topics = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers());

    @Test
    void aSignedTextMessageIsOnTheIntakeTopicBeforeMetaGetsItsOk() {
        String wamid = "wamid." + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage(wamid, "32470123456", "Peter Claes", "Mijn router valt uit – help ✓");

        post(body, WhatsAppWebhooks.sign(SECRET, body)).then().statusCode(200);

        // No waiting: the 200 promised that the broker already has it.
        List<ConsumerRecord<String, byte[]>> records = recordsFor(Topics.INTAKE_MESSAGES, wamid);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        InboundMessage message = Json.read(record.value(), InboundMessage.class);
        assertThat(message.id()).isEqualTo(MessageIds.inbound(Channel.WHATSAPP, wamid));
        assertThat(message.text()).isEqualTo("Mijn router valt uit – help ✓");
        assertThat(message.sender().displayName()).isEqualTo("Peter Claes");
        assertThat(message.sender().phone()).isEqualTo("+32470123456");
        assertThat(message.inbox()).isEqualTo(WhatsAppWebhooks.PHONE_NUMBER_ID);
        assertThat(record.key()).isEqualTo(message.conversationKey()).isEqualTo("whatsapp:106540352242922:32470123456");
        assertThat(CloudEvents.read(record.headers()).type()).isEqualTo("dev.switchboard.intake.message");
    }

    @Test
    void aWrongSignatureIsRefusedWith401AndNothingReachesTheTopic() {
        String wamid = "wamid." + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage(wamid, "16505551234", "Mallory", "forged");

        post(body, WhatsAppWebhooks.sign("not-our-secret", body)).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("does not match"));
        post(body, null).then().statusCode(401).body("detail", containsString("missing"));

        assertThat(recordsFor(Topics.INTAKE_MESSAGES, wamid)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAWhatsAppNotificationGets400WithAReason() {
        String notJson = "{\"object\":\"whatsapp_business_account\",\"entry\":[";
        post(notJson, WhatsAppWebhooks.sign(SECRET, notJson)).then()
                .statusCode(400)
                .body("title", equalTo("Malformed payload"))
                .body("detail", containsString("not a WhatsApp notification"));

        String otherObject = "{\"object\":\"page\",\"entry\":[]}";
        post(otherObject, WhatsAppWebhooks.sign(SECRET, otherObject)).then()
                .statusCode(400)
                .body("detail", containsString("whatsapp_business_account"));
    }

    @Test
    void unknownFieldsFromANewerGraphVersionAreTolerated() {
        String wamid = "wamid." + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage(wamid, "16505551234", "Sheena", "hi")
                .replace("\"type\":\"text\"", "\"type\":\"text\",\"brand_new_field\":{\"x\":[1,2]}");
        post(body, WhatsAppWebhooks.sign(SECRET, body)).then().statusCode(200);
        assertThat(recordsFor(Topics.INTAKE_MESSAGES, wamid)).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitGets413() {
        String padding = "x".repeat(3 * 1024 * 1024 + 10);
        String body = WhatsAppWebhooks.textMessage("wamid.big", "16505551234", "Big", padding);
        post(body, WhatsAppWebhooks.sign(SECRET, body)).then().statusCode(413);
    }

    @Test
    void deliveryStatusesGoToTheStatusTopicOncePerState() {
        String wamid = "wamid.out." + UUID.randomUUID();
        String body = WhatsAppWebhooks.statuses(wamid, "sent", "delivered", "read");
        post(body, WhatsAppWebhooks.sign(SECRET, body)).then().statusCode(200);
        post(body, WhatsAppWebhooks.sign(SECRET, body)).then().statusCode(200); // Meta's retry

        List<DeliveryStatus> statuses = recordsFor(Topics.INTAKE_STATUSES, wamid).stream()
                .map(r -> Json.read(r.value(), DeliveryStatus.class))
                .toList();
        assertThat(statuses).extracting(DeliveryStatus::state).containsExactly(
                DeliveryStatus.State.SENT, DeliveryStatus.State.DELIVERED, DeliveryStatus.State.READ,
                DeliveryStatus.State.SENT, DeliveryStatus.State.DELIVERED, DeliveryStatus.State.READ);
        assertThat(statuses.stream().map(DeliveryStatus::id).distinct()).as("a retry repeats the same ids").hasSize(3);
    }

    @Test
    void theVerifyHandshakeEchoesTheChallengeOnlyForOurToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", WhatsAppWebhooks.DEV_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/whatsapp")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/whatsapp")
                .then().statusCode(403);
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("switchboard_intake_published"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/webhooks/whatsapp"));
    }

    private static Response post(String body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.when().post("/webhooks/whatsapp");
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String topic, String providerId) {
        return topics.readAll(topic, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"providerMessageId\":\"" + providerId + "\""));
    }
}

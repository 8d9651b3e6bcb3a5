package dev.switchboard.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Channel;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.kafka.TopicProbe;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipe driven from outside, every part its own process on real infrastructure:
 * webhook -> channel-whatsapp -> Kafka -> routing -> Kafka -> ticket-core -> the queue API.
 */
@ExtendWith(SharedStack.class)
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSystemIT {
    private static final Duration PIPE = Duration.ofSeconds(30);
    private Stack stack;
    private SwitchboardClient client;
    private TopicProbe topics;

    @BeforeAll
    void connect() {
        stack = SharedStack.stack();
        client = new SwitchboardClient(stack.url("channel-whatsapp"), stack.url("ticket-core"));
        topics = new TopicProbe(stack.endpoints().kafkaBootstrapServers());
    }

    @Test
    @Order(1)
    void aSignedWebhookBecomesAnAssignedTicketInTheQueue() {
        String name = "Peter " + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage("wamid." + UUID.randomUUID(), "32470111222", name,
                "My router drops the connection every evening");

        assertThat(client.postWhatsApp(body, WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, body)).statusCode())
                .isEqualTo(200);

        JsonNode entry = await().atMost(PIPE).until(() -> client.queueEntryOf(name), e -> e != null);
        assertThat(entry.get("assignee").asText()).isIn("alice", "bob", "carol");
        assertThat(entry.get("channel").asText()).isEqualTo("whatsapp");
        JsonNode ticket = client.ticket(entry.get("id").asText());
        assertThat(written(ticket)).hasSize(1);
        assertThat(written(ticket).get(0).get("text").asText())
                .isEqualTo("My router drops the connection every evening");
    }

    @Test
    @Order(2)
    void theSameWebhookSentFiveTimesGivesOneMessage() {
        String name = "Retry " + UUID.randomUUID();
        String wamid = "wamid." + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage(wamid, "16505550001", name, "Printer offline");
        String signature = WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, body);
        for (int retry = 0; retry < 5; retry++) {
            assertThat(client.postWhatsApp(body, signature).statusCode()).isEqualTo(200);
        }
        String follow = WhatsAppWebhooks.textMessage("wamid." + UUID.randomUUID(), "16505550001", name, "marker");
        client.postWhatsApp(follow, WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, follow));

        JsonNode entry = await().atMost(PIPE).until(() -> client.queueEntryOf(name),
                e -> e != null && e.get("messageCount").asInt() >= 2);
        JsonNode ticket = client.ticket(entry.get("id").asText());
        assertThat(written(ticket)).hasSize(2);
        String id = MessageIds.inbound(Channel.WHATSAPP, wamid).toString();
        assertThat(topics.readAll(Topics.ROUTING_ASSIGNMENTS, r -> id.equals(CloudEvents.read(r.headers()).subject())))
                .as("one assignment for the five deliveries").hasSize(1);
    }

    @Test
    @Order(3)
    void aWrongSignatureGets401AndNothingReachesTheTopic() {
        String wamid = "wamid." + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage(wamid, "16505550002", "Mallory", "forged");

        SwitchboardClient.Answer answer = client.postWhatsApp(body, WhatsAppWebhooks.sign("guessed-secret", body));

        assertThat(answer.statusCode()).isEqualTo(401);
        String id = MessageIds.inbound(Channel.WHATSAPP, wamid).toString();
        assertThat(topics.readAll(Topics.INTAKE_MESSAGES, r -> id.equals(CloudEvents.read(r.headers()).id()))).isEmpty();
    }

    @Test
    @Order(4)
    void aMalformedBodyGets400WithAReason() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":\"not a list\"}";
        SwitchboardClient.Answer answer = client.postWhatsApp(body,
                WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, body));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("not a WhatsApp notification");
    }

    @Test
    @Order(5)
    void withTheBrokerDownTheWebhookGets503AndTheRetryIsDeliveredOnceItIsBack() {
        String name = "Outage " + UUID.randomUUID();
        String body = WhatsAppWebhooks.textMessage("wamid." + UUID.randomUUID(), "16505550003", name,
                "Is anyone there?");
        String signature = WhatsAppWebhooks.sign(WhatsAppWebhooks.DEV_APP_SECRET, body);

        stack.stopBroker();
        SwitchboardClient.Answer during = client.postWhatsApp(body, signature);
        assertThat(during.statusCode()).isEqualTo(503);

        stack.startBroker();
        // Meta retries until it gets a 200; so do we.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> client.postWhatsApp(body, signature).statusCode() == 200);

        JsonNode entry = await().atMost(Duration.ofSeconds(60)).until(() -> client.queueEntryOf(name), e -> e != null);
        assertThat(written(client.ticket(entry.get("id").asText()))).hasSize(1);
    }

    /** The messages people wrote: the automatic acknowledgement each new ticket sends is left out. */
    private static List<JsonNode> written(JsonNode ticket) {
        List<JsonNode> written = new ArrayList<>();
        ticket.get("messages").forEach(m -> {
            if (!m.path("automatic").asBoolean(false)) {
                written.add(m);
            }
        });
        return written;
    }
}

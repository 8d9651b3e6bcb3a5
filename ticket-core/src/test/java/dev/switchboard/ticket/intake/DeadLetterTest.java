package dev.switchboard.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DeadLetterTest {
    private static final String DLQ = Topics.deadLetter(Topics.ROUTING_ASSIGNMENTS);

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String frank = RoutingEvents.agent("frank");
        // One key for both records: same partition, so the valid one can only pass if the bad one did not block.
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        byte[] garbage = ("this is not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        TestKafka.publishRaw(conversation, garbage);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "lena", "Still here after a bad record"),
                "Lena", Priority.MEDIUM, frank));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TicketApi.as(TicketApi.ADMIN).queryParam("assignee", frank)
                .get("/api/queue")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].contactName", is("Lena")));

        ConsumerRecord<String, byte[]> dead = deadLetterWithKey(conversation);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "dead-letter-reason")).contains("not a valid RoutingEvent");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.ROUTING_ASSIGNMENTS);
    }

    private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> TestKafka.topics().readAll(DLQ, r -> key.equals(r.key())), found -> !found.isEmpty()).get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}

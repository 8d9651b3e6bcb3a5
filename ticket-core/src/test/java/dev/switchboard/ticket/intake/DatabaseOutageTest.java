package dev.switchboard.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.TicketApi;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageTest {

    @Test
    void aRoutedMessageWaitsWhileTheDatabaseCannotStoreItAndBecomesATicketAfterwards() throws Exception {
        String grace = RoutingEvents.agent("grace");
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "olga", "Sent during an outage");
        Endpoints infra = Infrastructure.shared();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            c.createStatement().execute("ALTER TABLE ticket.message RENAME TO message_away");
            try {
                TestKafka.publish(conversation, RoutingEvents.assigned(message, "Olga", Priority.LOW, grace));
                // Every attempt fails on the missing table: the record must wait, not be dead-lettered.
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> TestKafka.topics()
                        .readAll(Topics.deadLetter(Topics.ROUTING_ASSIGNMENTS), r -> conversation.equals(r.key()))
                        .isEmpty());
            } finally {
                c.createStatement().execute("ALTER TABLE ticket.message_away RENAME TO message");
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TicketApi.as(TicketApi.ADMIN).queryParam("assignee", grace)
                .get("/api/queue").then().statusCode(200).body("", hasSize(1)));
        assertThat(TestKafka.topics().readAll(Topics.deadLetter(Topics.ROUTING_ASSIGNMENTS),
                r -> conversation.equals(r.key()))).isEmpty();
    }
}

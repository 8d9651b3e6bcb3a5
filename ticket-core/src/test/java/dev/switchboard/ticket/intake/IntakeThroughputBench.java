package dev.switchboard.ticket.intake;

import static org.awaitility.Awaitility.await;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.ticket.support.RoutingEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test (not picked up by surefire's default includes, and only enabled with
 * {@code -Dswitchboard.bench=<messages>}): sends N routing decisions over C conversations with
 * devkit's EventSender and reports how long until all N messages are stored. Run with
 * {@code ./mvnw -B -pl ticket-core -am verify -Dtest=IntakeThroughputBench -Dswitchboard.bench=5000
 * -Dsurefire.failIfNoSpecifiedTests=false}. No timing assertion: the figure depends on the machine.
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "switchboard.bench", matches = "\\d+")
class IntakeThroughputBench {

    @Test
    void storesRoutedMessages() throws Exception {
        int n = Integer.getInteger("switchboard.bench");
        int conversations = Integer.getInteger("switchboard.bench.conversations", Math.max(1, n / 5));
        String run = "bench-" + UUID.randomUUID();
        // Warm-up: the consumer has joined its group and the first transaction is done.
        measure(run + "-warmup", 50, 10);
        long[] result = measure(run, n, conversations);
        System.out.printf("BENCH intake: %d messages over %d conversations: sent in %d ms, all stored after %d ms"
                        + " = %.0f messages/s%n", n, conversations, result[0], result[1], n * 1000.0 / result[1]);
    }

    /** @return {time to send all, time until all are stored} in ms */
    private static long[] measure(String run, int n, int conversationCount) throws Exception {
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            conversations.add(RoutingEvents.conversation(Channel.WHATSAPP));
        }
        String agent = RoutingEvents.agent("bench");
        Endpoints infra = Infrastructure.shared();
        long start = System.nanoTime();
        long sent;
        try (EventSender sender = new EventSender(infra.kafkaBootstrapServers())) {
            for (int i = 0; i < n; i++) {
                String conversation = conversations.get(i % conversationCount);
                InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "Customer " + i,
                        run + " message " + i);
                sender.sendAsync(Topics.ROUTING_ASSIGNMENTS, conversation,
                        RoutingEvents.assigned(message, "Customer", Priority.MEDIUM, agent));
            }
            sender.flush();
            sent = System.nanoTime();
        }
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
             PreparedStatement count = c.prepareStatement(
                     "select count(*) from ticket.message where direction = 'INBOUND' and text like ?")) {
            count.setString(1, run + " message %");
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) >= n;
                }
            });
        }
        long stored = System.nanoTime();
        return new long[] {(sent - start) / 1_000_000, (stored - start) / 1_000_000};
    }
}

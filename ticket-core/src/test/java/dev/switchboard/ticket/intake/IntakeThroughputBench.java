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
import dev.switchboard.devkit.launcher.ProcessCpu;
import dev.switchboard.ticket.support.RoutingEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test (not picked up by surefire's default includes, and only enabled with
 * {@code -Dswitchboard.bench=<messages>}): sends N routing decisions over C conversations with
 * devkit's EventSender and reports how long until all N messages are stored, with the CPU that
 * ticket-core's own threads and PostgreSQL spent per message. A warm-up round of
 * {@code -Dswitchboard.bench.warmup} decisions (default N, at most 20,000) runs first: the JVM compiles
 * its hot code in the first tens of thousands of messages (C2 took a third of this JVM's CPU in a cold
 * 40,000-message run), and a service runs warm. Run with
 * {@code ./mvnw -B -pl ticket-core -am verify -Dtest=IntakeThroughputBench -Dswitchboard.bench=40000
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}. No timing assertion: the figure depends on the machine.
 * The broker and the sender share this JVM; their threads are not counted as ticket-core's.
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "switchboard.bench", matches = "\\d+")
class IntakeThroughputBench {
    /** ticket-core's threads: event loops (the intake's work), its consumers' and the outbox producer's. */
    private static final List<String> SERVICE_THREADS = List.of("vert.x-", "assignments", "smallrye-kafka",
            "executor-thread", "kafka-producer-network-thread | kafka-producer-outbox");

    @Test
    void storesRoutedMessages() throws Exception {
        int n = Integer.getInteger("switchboard.bench");
        int conversations = Integer.getInteger("switchboard.bench.conversations", Math.max(1, n / 5));
        int warmup = Integer.getInteger("switchboard.bench.warmup", Math.min(n, 20_000));
        String run = "bench-" + UUID.randomUUID();
        // The consumer has joined its group and the first transaction is done.
        measure(run + "-first", 50, 10);
        if (warmup > 0) {
            Round warm = measure(run + "-warmup", warmup, Math.max(1, warmup / 5));
            System.out.printf("BENCH intake warm-up: %d messages, %.0f messages/s%n", warmup, warm.rate());
        }
        Round round = measure(run, n, conversations);
        System.out.printf("BENCH intake: %d messages over %d conversations: sent in %d ms, all stored after %d ms"
                        + " = %.0f messages/s; CPU per message: ticket-core %.3f ms, PostgreSQL %.3f ms%n",
                n, conversations, round.sentMillis(), round.storedMillis(), round.rate(),
                round.serviceCpuMillis() / n, round.databaseCpuMillis() / n);
    }

    private record Round(int messages, long sentMillis, long storedMillis, double serviceCpuMillis,
                         double databaseCpuMillis) {
        double rate() {
            return messages * 1000.0 / storedMillis;
        }
    }

    private static Round measure(String run, int n, int conversationCount) throws Exception {
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            conversations.add(RoutingEvents.conversation(Channel.WHATSAPP));
        }
        String agent = RoutingEvents.agent("bench");
        Endpoints infra = Infrastructure.shared();
        long postmaster = postmaster(infra.jdbcUrl());
        // A conversation's decisions are stored in the order they were sent: its last one stored, all are.
        Map<String, UUID> last = new HashMap<>();
        double serviceBefore = serviceCpuMillis();
        Duration databaseBefore = ProcessCpu.treeCpu(postmaster);
        long start = System.nanoTime();
        long sent;
        UUID lastSent = null;
        try (EventSender sender = new EventSender(infra.kafkaBootstrapServers())) {
            for (int i = 0; i < n; i++) {
                String conversation = conversations.get(i % conversationCount);
                InboundMessage message = RoutingEvents.message(Channel.WHATSAPP, conversation, "Customer " + i,
                        run + " message " + i);
                last.put(conversation, message.id());
                lastSent = message.id();
                sender.sendAsync(Topics.ROUTING_ASSIGNMENTS, conversation,
                        RoutingEvents.assigned(message, "Customer", Priority.MEDIUM, agent));
            }
            sender.flush();
            sent = System.nanoTime();
        }
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            // Cheap polls, so that the measurement does not load the database it measures: the last message
            // sent first (one index lookup), then the last one of every conversation.
            PreparedStatement lastStored = c.prepareStatement("select count(*) from ticket.message where id = any(?)");
            lastStored.setArray(1, c.createArrayOf("uuid", new Object[] {lastSent}));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> count(lastStored) == 1);
            lastStored.setArray(1, c.createArrayOf("uuid", last.values().toArray()));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(lastStored) >= last.size());
            long stored = System.nanoTime();
            double serviceCpu = serviceCpuMillis() - serviceBefore;
            double databaseCpu = ProcessCpu.treeCpu(postmaster).minus(databaseBefore).toMillis();
            PreparedStatement all = c.prepareStatement(
                    "select count(*) from ticket.message where direction = 'INBOUND' and text like ?");
            all.setString(1, run + " message %");
            if (count(all) != n) {
                throw new IllegalStateException("stored " + count(all) + " of " + n + " messages");
            }
            return new Round(n, (sent - start) / 1_000_000, (stored - start) / 1_000_000, serviceCpu, databaseCpu);
        }
    }

    private static long count(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double serviceCpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && SERVICE_THREADS.stream().anyMatch(info.getThreadName()::startsWith)) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e6;
    }

    /**
     * The embedded PostgreSQL serving this port: the process started with {@code -p <port>}; -1 when there is
     * none here (a container), and its CPU reads as zero.
     */
    private static long postmaster(String jdbcUrl) {
        String port = jdbcUrl.replaceAll("^.*:(\\d+)/.*$", "$1");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains("postgres") && cmd.contains("-p " + port))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid).min().orElse(-1);
    }
}

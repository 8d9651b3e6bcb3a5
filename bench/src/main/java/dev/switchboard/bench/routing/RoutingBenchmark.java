package dev.switchboard.bench.routing;

import dev.switchboard.bench.load.Roster;
import dev.switchboard.contract.CloudEvents;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.kafka.EventSender;
import dev.switchboard.devkit.launcher.ProcessCpu;
import dev.switchboard.devkit.launcher.ServiceSpec;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.launcher.StackPorts;
import dev.switchboard.devkit.providers.SampleMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Routing alone, from {@code intake.messages.v1} to {@code routing.assignments.v1}: N messages
 * from a seeded mix of customers, 500 agents and 50 rules, the way issue 4's target is stated.
 * Usage: {@code RoutingBenchmark [messages] [agents] [rules] [seed] [rate]}. With rate 0 (the
 * default) all messages are put on the topic at once and the figure is the drain rate of that
 * backlog; with a rate (messages/s) they are paced, and the latency is what a message sees at that
 * load. Prints throughput, the latency from a message's record on intake to its decision's record
 * on routing.assignments.v1 (send time and the decision record's timestamp), routing's CPU per
 * decision, and routing's own decision timer. A warm-up of {@code -Dwarmup=N} messages (default
 * the same number, at most 20,000) runs first and is not counted. With
 * {@code -Dswitchboard.postgres.statements=true} it also prints the statements that took PostgreSQL's time.
 */
public final class RoutingBenchmark {
    private static final List<String> WORDS = Roster.WORDS;

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rules = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path repository = Path.of(System.getProperty("switchboard.repository", ".")).toAbsolutePath();
        try (Stack stack = new Stack(repository, repository.resolve("bench/target/routing-bench-" + System.currentTimeMillis()),
                StackPorts.free(), false)) {
            stack.startInfrastructure();
            stack.startService(ServiceSpec.ALL.stream().filter(s -> s.name().equals("routing")).findFirst().orElseThrow());
            String routing = stack.url("routing");
            HttpClient http = HttpClient.newHttpClient();
            // Routing runs alone here, without ticket-core's development issuer: sign as it would.
            String admin = DevTokens.mint("admin", List.of("admin"), List.of());
            new Roster(routing, admin).create(agents, rules, random);
            String bootstrap = stack.endpoints().kafkaBootstrapServers();
            int customers = Math.max(1, messages / 5);
            long routingPid = stack.service("routing").pid();
            long databasePid = stack.databasePid();
            // A JVM compiles its hot code in the first minute or two (on 2 cores the compiler took half
            // of routing's CPU then): a warm-up of the same mix first, measured apart and not reported.
            int warmup = Integer.getInteger("warmup", Math.min(messages, 20_000));
            if (warmup > 0) {
                System.out.printf("warming up with %d messages...%n", warmup);
                Phase warm = phase(bootstrap, routingPid, databasePid, warmup, customers, 0, random);
                System.out.printf("%n  warm-up: %.0f messages/s%n", warm.decided() / warm.seconds());
            }
            StatementStatistics statements = StatementStatistics.resetIfLoaded(stack.endpoints().jdbcUrl());
            Phase run = phase(bootstrap, routingPid, databasePid, messages, customers, rate, random);
            String metrics = get(http, routing + "/q/metrics");
            System.out.printf("%nrouting benchmark: %d messages (%d customers), %d agents, %d rules, %s, after a warm-up of %d%n",
                    messages, customers, agents, rules, rate > 0 ? "paced at " + rate + " messages/s" : "all at once",
                    warmup);
            System.out.printf("  produced to intake in %.1f s; %d decisions after %.1f s: %.0f messages/s%n",
                    run.producedSeconds(), run.decided(), run.seconds(), run.decided() / run.seconds());
            System.out.printf("  routing's CPU: %.1f s, %.2f ms per decision (all its threads, JIT compilation included: warm up long"
                            + " enough; it rises when other processes share the cores)%n",
                    run.routingCpu().toMillis() / 1000.0,
                    run.decided() == 0 ? 0 : (double) run.routingCpu().toMillis() / run.decided());
            System.out.printf("  PostgreSQL's CPU (postmaster and backends): %.1f s, %.2f ms per decision%n",
                    run.databaseCpu().toMillis() / 1000.0,
                    run.decided() == 0 ? 0 : (double) run.databaseCpu().toMillis() / run.decided());
            Histogram latencies = run.latencies();
            System.out.printf("  intake -> decision on the topic: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(95),
                    latencies.getValueAtPercentile(99), latencies.getMaxValue());
            System.out.printf("  decision latency p50 %s ms, p99 %s ms (routing's own timer)%n",
                    quantile(metrics, "0.5"), quantile(metrics, "0.99"));
            if (statements != null) {
                statements.print(run.decided());
            }
        }
    }

    /** One round of messages: how many were decided, in what time, at what CPU, with which latencies (ms). */
    private record Phase(double producedSeconds, int decided, double seconds, Duration routingCpu, Duration databaseCpu,
                         Histogram latencies) {
    }

    private static Phase phase(String bootstrap, long routingPid, long databasePid, int messages, int customers, int rate,
                               Random random)
            throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        DecisionWatch watch = new DecisionWatch(bootstrap, messages, sentAt);
        Thread watching = new Thread(watch, "decisions");
        watching.start();
        Duration cpuBefore = cpuOf(routingPid);
        Duration databaseBefore = ProcessCpu.treeCpu(databasePid);
        long start = System.nanoTime();
        try (EventSender sender = new EventSender(bootstrap)) {
            for (int i = 0; i < messages; i++) {
                if (rate > 0) {
                    // Paced: message i is due i/rate seconds after the start.
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                String waId = String.valueOf(32470000000L + random.nextInt(customers));
                InboundMessage m = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), waId, "Customer " + waId,
                        "My " + WORDS.get(random.nextInt(WORDS.size())) + " has a problem since "
                                + WORDS.get(random.nextInt(WORDS.size())));
                sentAt.put(m.id().toString(), System.currentTimeMillis());
                sender.sendAsync(Topics.INTAKE_MESSAGES, m.conversationKey(), m);
            }
            sender.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        watching.join(Duration.ofMinutes(10).toMillis());
        watch.stop();
        Duration cpu = cpuOf(routingPid).minus(cpuBefore);
        Duration databaseCpu = ProcessCpu.treeCpu(databasePid).minus(databaseBefore);
        Histogram latencies = new Histogram(3);
        watch.decidedAt.forEach((id, decided) -> latencies.recordValue(Math.max(0, decided - sentAt.get(id))));
        return new Phase(produced, watch.decidedAt.size(), (watch.lastNanos.get() - start) / 1e9, cpu, databaseCpu,
                latencies);
    }

    /** CPU time the process has used so far (user and system, all threads). */
    private static Duration cpuOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** Reads decisions as they are published: when each message's first decision was sent (send clock). */
    private static final class DecisionWatch implements Runnable {
        private final String bootstrap;
        private final int expected;
        private final Map<String, Long> ours;
        private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
        private volatile boolean stopped;

        /** @param ours this phase's messages (ids are put there before they are sent) */
        DecisionWatch(String bootstrap, int expected, Map<String, Long> ours) {
            this.bootstrap = bootstrap;
            this.expected = expected;
            this.ours = ours;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "routing-bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.ROUTING_ASSIGNMENTS));
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                int shown = 0;
                while (decidedAt.size() < expected && System.nanoTime() < deadline && !stopped) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        // The record's timestamp is set when routing sent it: the decision's moment.
                        String subject = CloudEvents.read(r.headers()).subject();
                        if (ours.containsKey(subject) && decidedAt.putIfAbsent(subject, r.timestamp()) == null) {
                            lastNanos.set(System.nanoTime());
                        }
                    }
                    if (decidedAt.size() / 1000 != shown) {
                        shown = decidedAt.size() / 1000;
                        System.out.printf("\r  decided %d / %d", decidedAt.size(), expected);
                    }
                }
            }
        }
    }

    private static String quantile(String metrics, String q) {
        Matcher m = Pattern.compile("switchboard_routing_decision_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(q)
                + "\"[^}]*} ([0-9.eE+-]+)").matcher(metrics);
        return m.find() ? String.format("%.1f", Double.parseDouble(m.group(1)) * 1000) : "?";
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}

package dev.switchboard.bench.queue;

import dev.switchboard.devkit.auth.DevTokens;
import dev.switchboard.devkit.launcher.ServiceSpec;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.launcher.StackPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * ticket-core's queue with a big table, the way issue 5's speed target is stated: with N tickets
 * (default 1,000,000) in the database, {@code GET /api/queue} answers an agent's page of 50. Starts
 * PostgreSQL, Kafka and ticket-core only, fills the table set-based, then plays seeded requests of
 * agents of several teams (their team's open work; by channel, priority, assignee; new ones) from a
 * few concurrent clients after a warm-up, and prints latency percentiles and requests per second.
 * Usage: {@code QueueBenchmark [tickets] [requests] [clients] [seed] [warm-up requests]}.
 */
public final class QueueBenchmark {
    private static final List<String> CHANNELS = List.of("email", "whatsapp", "chat");
    private static final List<String> PRIORITIES = List.of("critical", "high");
    private static final int AGENTS = 10;

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        Path repository = Path.of(System.getProperty("switchboard.repository", ".")).toAbsolutePath();
        try (Stack stack = new Stack(repository, repository.resolve("bench/target/queue-bench-" + System.currentTimeMillis()),
                StackPorts.free(), false)) {
            stack.startInfrastructure();
            // ticket-core creates its schema (Flyway) at start; the fill writes into it.
            stack.startService(ServiceSpec.ALL.stream().filter(s -> s.name().equals("ticket-core")).findFirst().orElseThrow());
            TicketFill fill = new TicketFill(stack.endpoints());
            long filling = System.nanoTime();
            fill.fill(tickets, seed);
            System.out.printf("%nqueue benchmark: %,d tickets filled in %.1f s (%s)%n", tickets,
                    (System.nanoTime() - filling) / 1e9, fill.summary());

            Random random = new Random(seed);
            List<Agent> agents = agents(random);
            QueueLoad load = new QueueLoad(stack.url("ticket-core"));
            load.run(plan(agents, warmUp, random), clients);
            QueueLoad.Result result = load.run(plan(agents, requests, random), clients);
            print(result, requests, clients, agents);
        }
    }

    private record Agent(String name, String team, String token) {
    }

    /** Agents of every team, tier1 (the largest backlog) weighted like its share of the tickets. */
    private static List<Agent> agents(Random random) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            int team = random.nextDouble() < 0.3 ? 0 : 1 + random.nextInt(TicketFill.TEAMS.size() - 1);
            String name = TicketFill.agent(team, random.nextInt(team == 0 ? TicketFill.TIER1_AGENTS
                    : TicketFill.AGENTS_PER_OTHER_TEAM));
            String teamName = TicketFill.TEAMS.get(team);
            agents.add(new Agent(name, teamName, DevTokens.mint(name, List.of("agent"), List.of(teamName))));
        }
        return agents;
    }

    /** What an agent asks for, in a seeded mix; every answer is a page of at most 50 (the default limit). */
    private static List<QueueLoad.Call> plan(List<Agent> agents, int count, Random random) {
        List<QueueLoad.Call> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Agent a = agents.get(random.nextInt(agents.size()));
            calls.add(switch (i % 5) {
                case 0 -> new QueueLoad.Call("team's open work", "/api/queue", a.token());
                case 1 -> new QueueLoad.Call("by channel", "/api/queue?channel=" + pick(CHANNELS, random), a.token());
                case 2 -> new QueueLoad.Call("by priority", "/api/queue?priority=" + pick(PRIORITIES, random), a.token());
                case 3 -> new QueueLoad.Call("assigned to me", "/api/queue?assignee=" + a.name(), a.token());
                default -> new QueueLoad.Call("new ones", "/api/queue?status=new", a.token());
            });
        }
        return calls;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void print(QueueLoad.Result r, int requests, int clients, List<Agent> agents) {
        System.out.printf("  %,d requests from %d clients, %d agents (%s) after a warm-up: %.0f requests/s,"
                        + " %.1f entries per answer, %d failed%n", requests, clients, agents.size(),
                String.join(", ", agents.stream().map(a -> a.name() + "@" + a.team()).distinct().toList()),
                r.all().getTotalCount() / r.seconds(), (double) r.entries() / Math.max(1, r.all().getTotalCount()),
                r.failures());
        System.out.printf("  %-18s %7s %8s %8s %8s %8s%n", "variant", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Histogram> e : r.byVariant().entrySet()) {
            line(e.getKey(), e.getValue());
        }
        line("all", r.all());
    }

    private static void line(String name, Histogram h) {
        System.out.printf("  %-18s %7d %8.1f %8.1f %8.1f %8.1f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}

package dev.switchboard.devkit.launcher;

import dev.switchboard.devkit.auth.DevTokens;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./switchboard up}: the embedded default. Starts PostgreSQL, the broker and every
 * service, waits until each is healthy, prints where everything is, and stops it all on Ctrl-C.
 */
public final class Switchboard {
    private Switchboard() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !args[0].equals("up")) {
            System.err.println("usage: switchboard up");
            System.exit(2);
        }
        Path home = Path.of(envOr("SWITCHBOARD_HOME", ".switchboard"));
        Path repository = Path.of(envOr("SWITCHBOARD_REPOSITORY", "."));
        StackPorts ports = StackPorts.defaults();
        Stack stack = new Stack(repository, home, ports, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Switchboard...");
            stack.close(); // idempotent: the stack's own hook may run it too
            System.out.println("Stopped. Data kept in " + home.toAbsolutePath());
            stopped.countDown();
        }, "switchboard-stop"));

        long start = System.nanoTime();
        System.out.println("Starting Switchboard (data and logs in " + home.toAbsolutePath() + ")");
        stack.startInfrastructure();
        System.out.printf("  %-17s 127.0.0.1:%d (KRaft)%n", "Kafka", ports.kafka());
        System.out.printf("  %-17s 127.0.0.1:%d (database switchboard, user switchboard)%n", "PostgreSQL",
                ports.postgres());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            stack.startService(spec);
            System.out.printf("  %-17s %s  (health %s/q/health, API docs %s/q/openapi)%n", spec.name(),
                    stack.url(spec.name()), stack.url(spec.name()), stack.url(spec.name()));
        }
        System.out.printf("%nSwitchboard is up in %.1f s. Unified queue: %s/api/queue%n",
                (System.nanoTime() - start) / 1e9, stack.url("ticket-core"));
        System.out.printf("The APIs need a bearer token. Demo users alice, bob, carol (agents, team tier1), dave (tier2),"
                + " sam (supervisor), admin; password %s:%n  curl -s -X POST %s/auth/token -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"alice\",\"password\":\"%s\"}'%n",
                DevTokens.DEMO_PASSWORD, stack.url("ticket-core"), DevTokens.DEMO_PASSWORD);
        System.out.println("WhatsApp webhook: " + stack.url("channel-whatsapp") + "/webhooks/whatsapp");
        System.out.println("Logs: " + stack.logs().toAbsolutePath() + "   Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

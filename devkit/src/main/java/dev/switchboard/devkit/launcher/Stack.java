package dev.switchboard.devkit.launcher;

import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.kafka.EmbeddedKafka;
import dev.switchboard.devkit.kafka.KafkaBrokerMain;
import dev.switchboard.devkit.postgres.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole system on one machine, each part its own process: a Kafka broker (a child JVM), an
 * embedded PostgreSQL and every service from its built fast-jar. Used by {@code ./switchboard up}
 * and by the system test and benchmarks, which also stop, kill and restart parts of it.
 */
public final class Stack implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /**
     * Every service's JVM: a small heap and the serial collector (the services share two cores with the
     * broker and the database; no GC threads beside them).
     */
    public static final List<String> SERVICE_JVM_DEFAULTS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    /** Extra JVM options for every service, e.g. {@code -XX:TieredStopAtLevel=1} on a small machine. */
    public static final String SERVICE_JVM_OPTIONS = "SWITCHBOARD_SERVICE_JVM_OPTS";

    private final Path repository;
    private final Path home;
    private final StackPorts ports;
    private final boolean durable;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    /** Ports of services started beside the standard ones ({@link #startReplica}). */
    private final Map<String, Integer> replicaPorts = new ConcurrentHashMap<>();
    private ManagedProcess broker;
    private EmbeddedPostgresServer postgres;
    private boolean closed;

    /**
     * @param repository the repository root (where the modules' target folders are)
     * @param home       data and logs; survives restarts
     * @param durable    false for tests: PostgreSQL without fsync
     */
    public Stack(Path repository, Path home, StackPorts ports, boolean durable) {
        this.repository = repository.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.ports = ports;
        this.durable = durable;
        // Whatever ends this JVM (Ctrl-C, a test run's end, SIGTERM) must not leave children running.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stack-stop"));
    }


    public Endpoints endpoints() {
        return new Endpoints("127.0.0.1:" + ports.kafka(), "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/"
                + EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public void startInfrastructure() {
        postgres = EmbeddedPostgresServer.start(ports.postgres(), home.resolve("postgres"), durable);
        startBroker();
    }

    public void startBroker() {
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(),
                String.valueOf(ports.kafka()), String.valueOf(ports.kafkaController()), home.resolve("kafka").toString());
        broker = ManagedProcess.start("kafka", command, Map.of(), logs().resolve("kafka.log"));
        String bootstrap = endpoints().kafkaBootstrapServers();
        broker.awaitCondition(() -> brokerAnswers(bootstrap), READY_TIMEOUT, "Kafka answering on " + bootstrap);
        EmbeddedKafka.createTopics(bootstrap, EmbeddedKafka.DEFAULT_PARTITIONS);
    }

    private static boolean brokerAnswers(String bootstrap) {
        try {
            EmbeddedKafka.awaitReady(bootstrap, Duration.ofSeconds(2));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Stops the broker cleanly (SIGTERM); its data stays for {@link #startBroker()}. */
    public void stopBroker() {
        broker.stop(STOP_GRACE);
    }


    /** Stop and start the broker with the same data and ports; returns once it answers again. */
    public void restartBroker() {
        stopBroker();
        startBroker();
    }

    /** Stops PostgreSQL and starts it again on the same port with the same data directory. */
    public void restartDatabase() {
        postgres.close();
        postgres = EmbeddedPostgresServer.start(ports.postgres(), home.resolve("postgres"), durable);
    }

    public void startServices() {
        ServiceSpec.ALL.forEach(this::startService);
    }

    public void startService(ServiceSpec spec) {
        startService(spec, Map.of());
    }

    /** @param settings environment variables for this service only, over the stack's */
    private void startService(ServiceSpec spec, Map<String, String> settings) {
        Path jar = repository.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Map<String, String> env = new HashMap<>(endpoints().environment());
        env.putAll(settings);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(spec.name())));
        List<String> command = serviceCommand(jar, serviceJvmOptions());
        ManagedProcess process = ManagedProcess.start(spec.name(), command, env, logs().resolve(spec.name() + ".log"));
        services.put(spec.name(), process);
        process.awaitHttpOk(url(spec.name()) + "/q/health/ready", READY_TIMEOUT);
    }

    /** The options of {@link #SERVICE_JVM_OPTIONS}, trimmed; blank when unset (the JVM's defaults). */
    public static String serviceJvmOptions() {
        String options = System.getenv(SERVICE_JVM_OPTIONS);
        return options == null ? "" : options.trim();
    }

    /**
     * How a service's JVM starts: {@link #SERVICE_JVM_DEFAULTS}, then the options of
     * {@link #SERVICE_JVM_OPTIONS} (whitespace-separated; later options win).
     */
    static List<String> serviceCommand(Path jar, String extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(SERVICE_JVM_DEFAULTS);
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    private int port(String service) {
        Integer replica = replicaPorts.get(service);
        return replica != null ? replica : ports.port(service);
    }

    /**
     * One more instance of a standard service (e.g. a second routing) on a free port, sharing the
     * broker, the database and the consumer groups of the first.
     *
     * @param name     what it is called in logs, {@link #url} and {@link #stopService}
     * @param settings environment variables for the replica only, over the stack's
     */
    public void startReplica(String service, String name, Map<String, String> settings) {
        ServiceSpec base = ServiceSpec.ALL.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service));
        int port = Infrastructure.freePort();
        replicaPorts.put(name, port);
        startService(new ServiceSpec(name, base.module(), port), settings);
    }

    /** SIGTERM to one service (SIGKILL after the grace period); it is no longer part of the stack. Unknown: nothing. */
    public synchronized void stopService(String name) {
        ManagedProcess process = services.remove(name);
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    public ManagedProcess service(String name) {
        ManagedProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException(name + " was not started");
        }
        return process;
    }

    /** kill -9 a service, then start it again and wait until it is ready. */
    public void crashAndRestart(String name) {
        service(name).kill();
        startService(ServiceSpec.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    /** The PostgreSQL server's process id (postmaster), or -1 if it is not running. */
    public long databasePid() {
        return postgres == null ? -1 : postgres.pid();
    }

    public List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>(services.values());
        if (broker != null) {
            all.add(broker);
        }
        return all;
    }

    /** Stops services first (they flush and commit), then the broker, then the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return; // a second caller waits (synchronized) until the first has stopped everything
        }
        closed = true;
        List<ManagedProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.forEach(p -> p.stop(STOP_GRACE));
        if (broker != null) {
            broker.stop(STOP_GRACE);
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}

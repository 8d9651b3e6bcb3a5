package dev.switchboard.devkit.infra;

import dev.switchboard.devkit.kafka.EmbeddedKafka;
import dev.switchboard.devkit.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The broker and database shared by every test of one JVM (one module's test run): started once,
 * stopped when the JVM ends.
 *
 * <p>Which infrastructure, from the system property {@code switchboard.infra} or the environment
 * variable {@code SWITCHBOARD_INFRA}:
 * <ul>
 *   <li>{@code embedded} (default): in-process KRaft broker and zonky PostgreSQL, no Docker needed;</li>
 *   <li>{@code testcontainers}: Kafka and PostgreSQL containers (needs a Docker engine; {@code -Ptestcontainers});</li>
 * </ul>
 * Independently, {@code SWITCHBOARD_KAFKA_BOOTSTRAP} and {@code SWITCHBOARD_DB_URL} (with
 * {@code SWITCHBOARD_DB_USER}, {@code SWITCHBOARD_DB_PASSWORD}) point at an external broker or database.
 */
public final class Infrastructure {
    // Quarkus may load this class in several class loaders of one JVM; system properties are JVM-wide.
    private static final String KEY = "switchboard.devkit.endpoints.";

    private Infrastructure() {
    }

    public static synchronized Endpoints shared() {
        String bootstrap = System.getProperty(KEY + "kafka");
        if (bootstrap != null) {
            return new Endpoints(bootstrap, System.getProperty(KEY + "jdbc"),
                    System.getProperty(KEY + "user"), System.getProperty(KEY + "password"));
        }
        Endpoints endpoints = start();
        System.setProperty(KEY + "kafka", endpoints.kafkaBootstrapServers());
        System.setProperty(KEY + "jdbc", endpoints.jdbcUrl());
        System.setProperty(KEY + "user", endpoints.dbUser());
        System.setProperty(KEY + "password", endpoints.dbPassword());
        return endpoints;
    }

    private static Endpoints start() {
        String mode = setting("switchboard.infra", "SWITCHBOARD_INFRA", "embedded").toLowerCase(Locale.ROOT);
        if (mode.equals("testcontainers")) {
            return ContainerInfrastructure.start();
        }
        if (!mode.equals("embedded")) {
            throw new IllegalArgumentException("switchboard.infra must be embedded or testcontainers, not " + mode);
        }
        String kafka = System.getenv("SWITCHBOARD_KAFKA_BOOTSTRAP");
        if (kafka == null || kafka.isBlank()) {
            EmbeddedKafka broker = EmbeddedKafka.start(freePort(), freePort(), tempDir("kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "devkit-kafka-stop"));
            kafka = broker.bootstrapServers();
        } else {
            EmbeddedKafka.createTopics(kafka, EmbeddedKafka.DEFAULT_PARTITIONS);
        }
        String jdbc = System.getenv("SWITCHBOARD_DB_URL");
        if (jdbc == null || jdbc.isBlank()) {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(freePort(), null, false);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "devkit-postgres-stop"));
            return new Endpoints(kafka, pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        }
        return new Endpoints(kafka, jdbc,
                setting("switchboard.db.user", "SWITCHBOARD_DB_USER", EmbeddedPostgresServer.USER),
                setting("switchboard.db.password", "SWITCHBOARD_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD));
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A port that is free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("switchboard-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

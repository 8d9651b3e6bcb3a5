package dev.switchboard.devkit.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where the broker and the database are, and the Quarkus configuration that points at them. */
public record Endpoints(String kafkaBootstrapServers, String jdbcUrl, String dbUser, String dbPassword) {

    /** The reactive client's URL: the JDBC URL without its {@code jdbc:} prefix. */
    public String reactiveUrl() {
        return jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
    }

    /** Configuration properties for a Quarkus service (test resource or child process). */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.username", dbUser);
        config.put("quarkus.datasource.password", dbPassword);
        return config;
    }

    /** The same configuration as environment variables, for services started as processes. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        quarkusConfig().forEach((key, value) -> env.put(toEnvName(key), value));
        return env;
    }

    static String toEnvName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}

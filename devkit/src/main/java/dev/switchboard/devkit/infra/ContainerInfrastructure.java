package dev.switchboard.devkit.infra;

import dev.switchboard.devkit.kafka.EmbeddedKafka;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Docker path: the same broker and database as containers. Selected with
 * {@code -Ptestcontainers} (or {@code SWITCHBOARD_INFRA=testcontainers}); needs a Docker engine.
 */
final class ContainerInfrastructure {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private ContainerInfrastructure() {
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    static Endpoints start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("switchboard")
                .withUsername("switchboard")
                .withPassword("switchboard");
        kafka.start();
        postgres.start();
        EmbeddedKafka.createTopics(kafka.getBootstrapServers(), EmbeddedKafka.DEFAULT_PARTITIONS);
        return new Endpoints(kafka.getBootstrapServers(), postgres.getJdbcUrl(),
                postgres.getUsername(), postgres.getPassword());
    }
}

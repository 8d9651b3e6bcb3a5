package dev.switchboard.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.infra.Endpoints;
import dev.switchboard.devkit.infra.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    private final Endpoints endpoints = Infrastructure.shared();

    @Test
    void theBrokerHasEveryTopicOfTheContractAndItsDeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(Topics.INTAKE_MESSAGES, Topics.deadLetter(Topics.INTAKE_MESSAGES),
                    Topics.ROUTING_ASSIGNMENTS, Topics.TICKET_EVENTS, "outbound.whatsapp.v1");
        }
    }

    @Test
    void aRecordAcknowledgedByTheBrokerCanBeReadBack() throws Exception {
        String topic = "devkit.selftest";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "selftest",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        }
    }

    @Test
    void theDatabaseAcceptsTheDocumentedCredentials() throws Exception {
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("switchboard");
            assertThat(rs.getString(2)).isEqualTo("switchboard");
        }
    }

    @Test
    void theSameInfrastructureIsSharedByEveryCaller() {
        assertThat(Infrastructure.shared()).isEqualTo(endpoints);
    }
}

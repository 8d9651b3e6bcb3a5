package dev.switchboard.consumer.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.devkit.infra.Infrastructure;
import dev.switchboard.devkit.kafka.EventSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poll loop against the real broker of devkit: what it hands over, when it commits, how it stops. */
class BatchConsumerTest {
    private static final int PARTITIONS = 3;
    private static String bootstrap;
    private static Admin admin;
    private static Vertx vertx;

    private final List<BatchConsumer> consumers = new ArrayList<>();
    private final String topic = "kit-" + UUID.randomUUID();
    private final String group = "group-" + UUID.randomUUID();
    private final Map<String, Integer> sentPerKey = new HashMap<>();

    @BeforeAll
    static void connect() {
        bootstrap = Infrastructure.shared().kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void disconnect() {
        admin.close();
        vertx.close();
    }

    @BeforeEach
    void createTopic() throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }

    @AfterEach
    void stopConsumers() {
        consumers.forEach(BatchConsumer::close);
    }

    @Test
    void everyRecordIsHandedOverOnceInPartitionOrderAndCommittedOnlyAfterItsEffect() throws Exception {
        CompletableFuture<Void> firstEffect = new CompletableFuture<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        start(settings(1, 50, Duration.ofMinutes(5)), batch -> {
            Uni<Void> effect = batches.getAndIncrement() == 0 ? Uni.createFrom().completionStage(firstEffect)
                    : Uni.createFrom().voidItem();
            return effect.invoke(() -> batch.forEach(r -> handled.add(value(r))));
        });
        awaitMembers(1);
        send(300);

        await().until(() -> batches.get() >= 1);
        assertThat(committed()).as("nothing committed while the first batch's effect is pending").isEmpty();
        firstEffect.complete(null);

        await().untilAsserted(() -> assertThat(handled).hasSize(300));
        assertThat(Set.copyOf(handled)).hasSize(300);
        Map<String, List<Integer>> byKey = handled.stream().collect(Collectors.groupingBy(v -> v.split(":")[0],
                Collectors.mapping(v -> Integer.parseInt(v.split(":")[1]), Collectors.toList())));
        byKey.values().forEach(sequence -> assertThat(sequence).isSorted());
        await().untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets()));
    }

    @Test
    void aBatchLongerThanKafkasPollIntervalKeepsItsPartitionsAndIsNotRedone() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean slowOneDone = new AtomicBoolean();
        // max.poll.interval.ms of 2 s: without polling while the first 4-second batch runs, the group would
        // give its partitions to the second consumer, which would hand the same records over again.
        start(settings(2, 500, Duration.ofSeconds(2)), batch -> {
            Uni<Void> effect = Uni.createFrom().voidItem();
            if (batches.getAndIncrement() == 0) {
                effect = effect.onItem().delayIt().by(Duration.ofSeconds(4)).invoke(() -> slowOneDone.set(true));
            }
            return effect.invoke(() -> batch.forEach(r -> handled.add(value(r))));
        });
        awaitMembers(2);
        send(60);

        await().untilTrue(slowOneDone);
        await().untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets()));
        assertThat(handled).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void aBatchRunningWhenItsPartitionsMoveIsCommittedBeforeTheyGoAndNotRedone() throws Exception {
        CompletableFuture<Void> firstEffect = new CompletableFuture<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        BatchHandler handler = batch -> {
            Uni<Void> effect = batches.getAndIncrement() == 0 ? Uni.createFrom().completionStage(firstEffect)
                    : Uni.createFrom().voidItem();
            return effect.invoke(() -> batch.forEach(r -> handled.add(value(r))));
        };
        BatchConsumer first = start(settings(1, 500, Duration.ofMinutes(5)), handler);
        awaitMembers(1);
        send(60);
        await().until(() -> batches.get() == 1);

        // A second instance joins while the first batch runs: the group waits for the first to let go, and
        // the first (in its rebalance listener) waits for its batch.
        start(new ConsumerSettings("kit-test-second", topic, group, 1, 500, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMinutes(5)), handler);
        Thread firstLoop = thread(first.settings().name() + "-0");
        await().until(() -> Arrays.stream(firstLoop.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("onPartitionsRevoked")));
        firstEffect.complete(null);
        awaitMembers(2);
        // One more record per key, on every partition: whoever reads a partition from an offset before the
        // first batch's end hands its records over again before these.
        send(10);

        await().untilAsserted(() -> assertThat(Set.copyOf(handled)).hasSize(70));
        await().untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets()));
        assertThat(handled).hasSize(70);
    }

    @Test
    void aConsumerWaitingForItsBatchBarelyUsesTheCpu() {
        send(10);
        CompletableFuture<Void> effect = new CompletableFuture<>();
        AtomicInteger batches = new AtomicInteger();
        BatchConsumer consumer = start(settings(1, 500, Duration.ofMinutes(5)), batch -> {
            batches.incrementAndGet();
            return Uni.createFrom().completionStage(effect);
        });
        await().until(() -> batches.get() == 1);
        Thread loop = thread(consumer.settings().name() + "-0");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(loop.getId());
        long wallBefore = System.nanoTime();

        // Three keep-alive polls later: a consumer that re-polled at once would have spent most of this on the CPU.
        await().atMost(Duration.ofSeconds(20)).until(() -> System.nanoTime() - wallBefore > 3_000_000_000L);
        long cpu = threads.getThreadCpuTime(loop.getId()) - cpuBefore;
        assertThat(consumer.longestRunningBatch()).isGreaterThan(Duration.ofSeconds(3));
        effect.complete(null);

        assertThat(Duration.ofNanos(cpu)).isLessThan(Duration.ofMillis(300));
        await().untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets()));
        assertThat(consumer.longestRunningBatch()).isZero();
    }

    @Test
    void aFailingHandlerStopsItsConsumerWithNothingCommittedAndTheRecordsWaitForTheNext() throws Exception {
        send(20);
        BatchConsumer broken = start(settings(1, 500, Duration.ofMinutes(5)),
                batch -> Uni.createFrom().failure(new IllegalStateException("a bug in the handler")));

        await().untilAsserted(() -> assertThat(broken.problems()).singleElement().asString()
                .contains("stopped").contains("a bug in the handler"));
        assertThat(committed()).isEmpty();

        List<String> handled = new CopyOnWriteArrayList<>();
        start(settings(1, 500, Duration.ofMinutes(5)), batch -> Uni.createFrom().voidItem()
                .invoke(() -> batch.forEach(r -> handled.add(value(r)))));
        await().untilAsserted(() -> assertThat(handled).hasSize(20));
        await().untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets()));
    }

    @Test
    void closingLetsTheRunningBatchFinishAndCommitsIt() throws Exception {
        send(30);
        AtomicInteger batches = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        BatchConsumer consumer = start(settings(1, 500, Duration.ofMinutes(5)), batch -> {
            batches.incrementAndGet();
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(2))
                    .invoke(() -> batch.forEach(r -> handled.add(value(r))));
        });
        await().until(() -> batches.get() == 1);

        consumer.close(Duration.ofSeconds(20));

        assertThat(handled).hasSize(30);
        assertThat(committed()).isEqualTo(endOffsets());
        assertThat(consumer.problems()).isEmpty();
    }

    @Test
    void aBacklogOnSeveralPartitionsIsReadInTurnsNotOnePartitionAfterTheOther() throws Exception {
        // 1,000 messages of 1 KB waiting on each of two partitions (two conversations' worth of traffic)
        // when the consumer starts: a customer on the second must not wait for the whole first.
        byte[] value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 1_000; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "a", value));
                producer.send(new ProducerRecord<>(topic, 1, "b", value));
            }
        }
        List<Integer> partitionsInOrder = new CopyOnWriteArrayList<>();
        start(settings(1, 50, Duration.ofMinutes(5)), batch -> Uni.createFrom().voidItem()
                .invoke(() -> batch.forEach(r -> partitionsInOrder.add(r.partition()))));

        await().until(() -> partitionsInOrder.size() == 2_000);
        int first = partitionsInOrder.get(0);
        int turn = partitionsInOrder.indexOf(1 - first);
        assertThat(turn).as("messages of partition %d handled before the first of the other", first)
                .isLessThan(250);
    }

    private ConsumerSettings settings(int concurrency, int maxPollRecords, Duration maxPollInterval) {
        return new ConsumerSettings("kit-test", topic, group, concurrency, maxPollRecords, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofMillis(200), maxPollInterval);
    }

    private BatchConsumer start(ConsumerSettings settings, BatchHandler handler) {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", bootstrap);
        BatchConsumer consumer = new BatchConsumer(settings, kafka, handler, vertx, new SimpleMeterRegistry());
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    /** Every consumer in the group with partitions of their own: no rebalance left to happen. */
    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private ConsumerGroupDescription describeGroup() throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    }

    private void awaitMembers(int count) {
        await().untilAsserted(() -> {
            ConsumerGroupDescription description = describeGroup();
            assertThat(description.groupState()).isEqualTo(GroupState.STABLE);
            assertThat(description.members()).hasSize(count)
                    .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
        });
    }

    /** {@code count} records over ten keys (conversations), numbered per key on from earlier sends: "k3:0", ... */
    private void send(int count) {
        try (EventSender sender = new EventSender(bootstrap)) {
            for (int i = 0; i < count; i++) {
                String key = "k" + (i % 10);
                int n = sentPerKey.merge(key, 1, Integer::sum) - 1;
                sender.sendRaw(topic, key, (key + ":" + n).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((p, o) -> {
            if (o != null) {
                committed.put(p, o.offset());
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> {
            if (info.offset() > 0) {
                end.put(p, info.offset());
            }
        });
        return Collections.unmodifiableMap(end);
    }
}

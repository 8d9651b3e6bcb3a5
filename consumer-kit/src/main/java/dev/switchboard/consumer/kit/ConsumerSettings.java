package dev.switchboard.consumer.kit;

import java.time.Duration;
import java.util.Objects;

/**
 * One consumer group's reading of one topic.
 *
 * @param name              names the threads, the Kafka client ids and the health entry
 * @param concurrency       consumers side by side, each with its own partitions and thread
 * @param maxPollRecords    the largest batch
 * @param sessionTimeout    how soon a crashed instance's partitions move to a live one
 * @param heartbeatInterval heartbeats of the group membership (a third of the session timeout or less)
 * @param pollTimeout       how long an idle consumer waits for records in one poll
 * @param maxPollInterval   Kafka's limit between polls; a batch may run longer (the consumer keeps polling)
 */
public record ConsumerSettings(String name, String topic, String groupId, int concurrency, int maxPollRecords,
                               Duration sessionTimeout, Duration heartbeatInterval, Duration pollTimeout,
                               Duration maxPollInterval) {
    public ConsumerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        if (concurrency < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException(name + ": concurrency and max-poll-records must be at least 1");
        }
    }
}

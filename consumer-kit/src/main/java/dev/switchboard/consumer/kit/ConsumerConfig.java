package dev.switchboard.consumer.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * {@code switchboard.consumer.<name>.*}: the batch consumers of a service, by name. The broker
 * itself comes from {@code kafka.bootstrap.servers} (and any other {@code kafka.*} setting).
 */
@ConfigMapping(prefix = "switchboard.consumer")
public interface ConsumerConfig {
    @WithParentName
    Map<String, Consumer> consumers();

    interface Consumer {
        String topic();

        String groupId();

        @WithDefault("1")
        int concurrency();

        @WithDefault("500")
        int maxPollRecords();

        @WithDefault("15s")
        Duration sessionTimeout();

        @WithDefault("3s")
        Duration heartbeatInterval();

        @WithDefault("1s")
        Duration pollTimeout();

        @WithDefault("5m")
        Duration maxPollInterval();

        default ConsumerSettings settings(String name) {
            return new ConsumerSettings(name, topic(), groupId(), concurrency(), maxPollRecords(), sessionTimeout(),
                    heartbeatInterval(), pollTimeout(), maxPollInterval());
        }
    }
}

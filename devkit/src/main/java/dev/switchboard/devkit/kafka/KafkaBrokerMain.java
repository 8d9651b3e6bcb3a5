package dev.switchboard.devkit.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafka} as its own process, so that the launcher and the fault benchmarks
 * can stop, kill and restart the broker like a real one.
 * Usage: {@code KafkaBrokerMain <port> <controllerPort> <logDir>}.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerMain <port> <controllerPort> <logDir>");
            System.exit(2);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("Kafka broker ready on " + kafka.bootstrapServers());
        stopped.await();
    }
}

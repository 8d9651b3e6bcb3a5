package dev.switchboard.contract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record put on a {@code .dlq} topic: the original record's headers, then why and
 * where it came from, named as SmallRye's dead-letter strategy names them ({@code dead-letter-reason},
 * {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}), so every consumer's dead
 * letters read alike whoever wrote them.
 */
public final class DeadLetterHeaders {
    private DeadLetterHeaders() {
    }

    public static RecordHeaders of(Headers original, String topic, int partition, long offset, Exception reason) {
        RecordHeaders headers = new RecordHeaders();
        original.forEach(headers::add);
        headers.add("dead-letter-reason", bytes(reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(reason.getCause().toString()));
        }
        headers.add("dead-letter-topic", bytes(topic));
        headers.add("dead-letter-partition", bytes(String.valueOf(partition)));
        headers.add("dead-letter-offset", bytes(String.valueOf(offset)));
        return headers;
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}

package dev.switchboard.consumer.kit;

import dev.switchboard.contract.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A batch read record by record, in its order: what could be read, and what goes to the dead-letter
 * topic with the reason (a record that is not the contract's event never holds up the others).
 *
 * @param readable   the events read, in batch order
 * @param unreadable the records that could not be read, for {@link DeadLetters#send}
 */
public record ReadBatch<T>(List<T> readable, List<DeadLetters.Unreadable> unreadable) {

    /** @param reader reads one record's value; throws {@link Json.MalformedEventException} when it cannot */
    public static <T> ReadBatch<T> of(List<ConsumerRecord<String, byte[]>> batch, Function<byte[], T> reader) {
        List<T> readable = new ArrayList<>(batch.size());
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                readable.add(reader.apply(record.value()));
            } catch (Json.MalformedEventException e) {
                unreadable.add(new DeadLetters.Unreadable(record, e));
            }
        }
        return new ReadBatch<>(readable, unreadable);
    }
}

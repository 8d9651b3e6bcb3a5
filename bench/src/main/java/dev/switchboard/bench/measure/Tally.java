package dev.switchboard.bench.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Counts of one run, each read from where it happened (the generator's log, the topics, the
 * database). {@link #addsUp()} checks that they are consistent with each other.
 *
 * @param requests          webhook deliveries made (retries included)
 * @param retries           deliveries that repeated an already sent webhook byte for byte
 * @param acks              deliveries answered 200
 * @param errors            deliveries answered otherwise, or failed
 * @param uniqueSent        distinct messages sent
 * @param uniqueAcked       distinct messages the channel accepted at least once
 * @param routed            accepted messages with exactly one valid routing decision history
 * @param stored            accepted messages stored exactly once as a ticket message
 * @param lostRouting       accepted, but no routing decision on the topic
 * @param lostStored        accepted, but no ticket message in the database
 * @param doubledRouting    more decisions than one message can have (e.g. two "assigned")
 * @param doubledStored     more than one stored row for one provider message id
 * @param decisionsByType   routing records of the run by type (a queued message is assigned later: two records)
 */
public record Tally(long requests, long retries, long acks, long errors, long uniqueSent, long uniqueAcked,
                   long routed, long stored, long lostRouting, long lostStored, long doubledRouting,
                   long doubledStored, Map<String, Long> decisionsByType) {

    @JsonProperty
    public long lost() {
        return lostRouting + lostStored;
    }

    @JsonProperty
    public long doubled() {
        return doubledRouting + doubledStored;
    }

    /** Every request answered once; every accepted message either arrived or is counted lost. */
    public boolean addsUp() {
        return requests == acks + errors
                && requests == uniqueSent + retries
                && uniqueAcked <= uniqueSent
                && routed + lostRouting + doubledRouting == uniqueAcked
                && stored + lostStored + doubledStored == uniqueAcked;
    }
}

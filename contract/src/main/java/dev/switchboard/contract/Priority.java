package dev.switchboard.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Ticket priority, most urgent first: {@code compareTo} orders a queue. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

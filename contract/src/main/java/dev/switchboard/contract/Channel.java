package dev.switchboard.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The channels a customer can write on. The id is what travels on the wire and in topic names. */
public enum Channel {
    EMAIL("email"),
    CHAT("chat"),
    WHATSAPP("whatsapp"),
    MESSENGER("messenger"),
    INSTAGRAM("instagram"),
    X("x"),
    TELEGRAM("telegram");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Channel fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + id));
    }
}

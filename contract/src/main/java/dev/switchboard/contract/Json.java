package dev.switchboard.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of every event. Unknown fields are tolerated so that a consumer keeps
 * working when a producer adds a field; times are ISO-8601 strings.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private Json() {
    }

    /** Applies the contract's settings to a mapper (e.g. the one Quarkus provides). */
    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws MalformedEventException when the bytes are not a valid event of that type */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** An event that cannot be read: its record belongs on the dead-letter topic. */
    public static final class MalformedEventException extends UncheckedIOException {
        public MalformedEventException(String message) {
            this(message, null);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }
}

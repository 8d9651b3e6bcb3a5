package dev.switchboard.ticket.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.contract.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The REST API writes JSON the way the events do: ISO times, no nulls. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}

package dev.switchboard.routing.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Json;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** "Why did Bob get this?": the stored decision for a message, with its reasons. */
@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    /** A decision as served. {@code published}: nothing left to publish — the broker acknowledged it, or the message was dropped (never published). */
    public record DecisionView(UUID messageId, String agentId, boolean published, JsonNode event) {
    }

    private final RoutedMessageRepository repository;

    public DecisionResource(RoutedMessageRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("/{messageId}")
    @Operation(summary = "The routing decision for one message, with the reasons")
    public Uni<DecisionView> decision(@PathParam("messageId") UUID messageId) {
        return repository.find(messageId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no decision for message " + messageId)))
                .map(routed -> new DecisionView(routed.messageId(), routed.agentId(), routed.published(),
                        readTree(routed.eventJson())));
    }

    private static JsonNode readTree(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}

package dev.switchboard.channel.whatsapp.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.channel.kit.publish.IntakePublisher;
import dev.switchboard.channel.kit.publish.Publication;
import dev.switchboard.channel.kit.webhook.HmacSignatures;
import dev.switchboard.channel.kit.webhook.WebhookRejected;
import dev.switchboard.channel.whatsapp.normalise.WhatsAppNormaliser;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The WhatsApp Cloud API webhook. Answers 200 only after the broker has acknowledged every
 * message and status of the notification; anything else makes Meta retry (for up to 7 days).
 */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource {
    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);
    private static final ObjectReader READER = Json.mapper()
            .readerFor(WhatsAppNotification.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WhatsAppConfig config;
    private final IntakePublisher publisher;

    public WhatsAppWebhookResource(WhatsAppConfig config, IntakePublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's verify handshake: echoes hub.challenge when hub.verify_token is ours")
    public String verify(@QueryParam("hub.mode") String mode,
                         @QueryParam("hub.verify_token") String token,
                         @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || !HmacSignatures.constantTimeEquals(config.verifyToken(), token)) {
            throw new WebhookRejected.Forbidden("hub.mode must be subscribe and hub.verify_token must match");
        }
        return challenge == null ? "" : challenge;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Receives messages and delivery statuses; signed with X-Hub-Signature-256")
    // On a worker thread: sending blocks while the broker's metadata is unknown. The wait for the
    // acknowledgements holds no thread; the answer goes out when they arrive.
    @Blocking
    public Uni<String> receive(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        Instant receivedAt = Instant.now();
        // Verify the bytes as sent before reading them: Meta signs the body, not our parse of it.
        if (!HmacSignatures.verifySha256Hex(config.appSecret(), body, signature)) {
            throw new WebhookRejected.InvalidSignature(signature == null
                    ? "X-Hub-Signature-256 header is missing"
                    : "X-Hub-Signature-256 does not match the body");
        }
        WhatsAppNormaliser.Normalised normalised = WhatsAppNormaliser.normalise(parse(body), receivedAt);
        List<Publication> publications = new ArrayList<>();
        normalised.messages().forEach(m -> publications.add(
                new Publication(Topics.INTAKE_MESSAGES, m.conversationKey(), m)));
        normalised.statuses().forEach(s -> publications.add(
                new Publication(Topics.INTAKE_STATUSES, s.providerMessageId(), s)));
        return publisher.publishAll(publications).map(ignored -> {
            LOG.debugf("accepted %d messages and %d statuses", normalised.messages().size(), normalised.statuses().size());
            return "OK";
        });
    }

    private static WhatsAppNotification parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new WebhookRejected.MalformedPayload("the body is empty");
        }
        try {
            return READER.readValue(body);
        } catch (JsonProcessingException e) {
            throw new WebhookRejected.MalformedPayload("the body is not a WhatsApp notification: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WebhookRejected.MalformedPayload("the body cannot be read: " + e.getMessage(), e);
        }
    }
}

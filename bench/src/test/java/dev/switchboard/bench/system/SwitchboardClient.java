package dev.switchboard.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Json;
import dev.switchboard.devkit.auth.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a provider, an agent and their supervisor do over HTTP, and nothing else. The agent signs in
 * as the demo admin at ticket-core's development issuer (sees every team's tickets, manages agents).
 */
final class SwitchboardClient {
    record Answer(int statusCode, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String whatsapp;
    private final String ticketCore;
    private String token;

    SwitchboardClient(String whatsapp, String ticketCore) {
        this.whatsapp = whatsapp;
        this.ticketCore = ticketCore;
    }

    Answer postWhatsApp(String body, String signature) {
        return send(HttpRequest.newBuilder(URI.create(whatsapp + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The queue entry whose contact has this name, or null while there is none. */
    JsonNode queueEntryOf(String contactName) {
        JsonNode queue = getJson(ticketCore + "/api/queue?limit=200");
        for (JsonNode entry : queue) {
            if (contactName.equals(entry.path("contactName").asText())) {
                return entry;
            }
        }
        return null;
    }

    JsonNode ticket(String id) {
        return getJson(ticketCore + "/api/tickets/" + id);
    }

    /** PUT of a JSON body with the admin's token (e.g. an agent at routing's {@code /api/agents/{id}}). */
    Answer putJson(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token()).DELETE());
    }

    /** GET with the admin's token; the answer whatever its status. */
    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token()).GET());
    }

    JsonNode getJson(String url) {
        Answer answer = get(url);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.read(answer.body().getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    /** Asked once, when first needed: ticket-core is up by then. Dev tokens live 8 h, longer than any run. */
    private synchronized String token() {
        if (token == null) {
            token = DevTokens.fromIssuer(ticketCore, "admin");
        }
        return token;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

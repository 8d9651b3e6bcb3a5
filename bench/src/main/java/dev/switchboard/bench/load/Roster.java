package dev.switchboard.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;

/**
 * A support team of realistic size, set up through routing's API before a run: agents with a random
 * subset of skills at random levels, ten teams, 5 to 24 WhatsApp conversations at once each, and
 * keyword rules that ask for a skill. Seeded, so a run can be repeated.
 */
public final class Roster {
    static final List<String> SKILLS = List.of("connectivity", "software", "hardware", "account", "billing");
    /** Words customers write; each rule looks for one of them. */
    public static final List<String> WORDS = List.of("router", "invoice", "password", "crash", "wifi", "refund",
            "login", "printer", "update", "screen", "battery", "license", "backup", "email", "sync");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String routingUrl;
    private final String token;

    /** @param token a bearer token with the admin role */
    public Roster(String routingUrl, String token) {
        this.routingUrl = routingUrl;
        this.token = token;
    }

    /** Creates agents {@code agent0..agent(n-1)} and {@code rules} keyword rules. */
    public void create(int agents, int rules, Random random) {
        for (int i = 0; i < agents; i++) {
            send(HttpRequest.newBuilder(URI.create(routingUrl + "/api/agents/agent" + i))
                    .PUT(HttpRequest.BodyPublishers.ofString(agentJson(random))));
        }
        for (int i = 0; i < rules; i++) {
            send(HttpRequest.newBuilder(URI.create(routingUrl + "/api/rules"))
                    .POST(HttpRequest.BodyPublishers.ofString(ruleJson(i, random))));
        }
    }

    private static String agentJson(Random random) {
        StringBuilder skills = new StringBuilder();
        for (String skill : SKILLS) {
            if (random.nextInt(3) > 0) {
                skills.append(skills.isEmpty() ? "" : ",").append('"').append(skill).append("\":")
                        .append(1 + random.nextInt(5));
            }
        }
        return "{\"presence\":\"online\",\"team\":\"team" + random.nextInt(10) + "\",\"skills\":{" + skills
                + "},\"capacity\":{\"whatsapp\":" + (5 + random.nextInt(20)) + ",\"email\":10}}";
    }

    private static String ruleJson(int i, Random random) {
        String word = WORDS.get(i % WORDS.size()) + (i < WORDS.size() ? "" : String.valueOf(i));
        return "{\"name\":\"bench rule " + i + "\",\"order\":" + (100 + i) + ",\"when\":{\"keywords\":[\"" + word
                + "\"]},\"then\":{\"skill\":\"" + SKILLS.get(random.nextInt(SKILLS.size())) + "\"}}";
    }

    private void send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.switchboard.bench.load;

import dev.switchboard.contract.Channel;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** Meta's side of the WhatsApp Cloud API: signed webhook POSTs in the real notification shape. */
public final class WhatsAppDriver implements ChannelDriver {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI webhook;
    private final String appSecret;

    public WhatsAppDriver(String channelUrl, String appSecret) {
        // HTTP/1.1 as Meta uses it; the client keeps one pooled connection per concurrent request. Two
        // threads complete the answers: the client's default pool starts and ends a thread over and over,
        // CPU the load generator takes from the services it measures on the same cores.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread thread = new Thread(r, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
        this.webhook = URI.create(channelUrl + "/webhooks/whatsapp");
        this.appSecret = appSecret;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public CompletableFuture<Integer> deliver(CustomerMessage message) {
        String body = WhatsAppWebhooks.textMessage(message.providerMessageId(), message.customerId(),
                message.customerName(), message.text());
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WhatsAppWebhooks.sign(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}

package dev.switchboard.bench.load;

import dev.switchboard.contract.Channel;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's side of the WhatsApp Cloud API: signed webhook POSTs in the real notification shape, over
 * HTTP/1.1 keep-alive connections as Meta sends them.
 *
 * <p>The load generator shares the cores with what it measures, so each delivery should cost it little:
 * Vert.x's client on one event loop (the JDK's client took about three times the CPU per request and kept
 * the sending thread busy building each exchange), and one HMAC key per thread instead of a JCA lookup per
 * signature.
 */
public final class WhatsAppDriver implements ChannelDriver {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    // More than any scenario keeps in flight: first sends are bounded by the scenario, retries come on top.
    private static final int MAX_CONNECTIONS = 512;

    private final Vertx vertx;
    private final HttpClient http;
    private final String webhook;
    private final ThreadLocal<Mac> signer;

    public WhatsAppDriver(String channelUrl, String appSecret) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setConnectTimeout((int) Duration.ofSeconds(5).toMillis()),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
        this.webhook = channelUrl + "/webhooks/whatsapp";
        this.signer = ThreadLocal.withInitial(() -> hmac(appSecret));
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public CompletableFuture<Integer> deliver(CustomerMessage message) {
        byte[] body = WhatsAppWebhooks.textMessage(message.providerMessageId(), message.customerId(),
                message.customerName(), message.text()).getBytes(StandardCharsets.UTF_8);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(webhook)
                .setIdleTimeout(REQUEST_TIMEOUT.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(signer.get().doFinal(body)));
        CompletableFuture<Integer> status = new CompletableFuture<>();
        http.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answer -> {
                    if (answer.succeeded()) {
                        status.complete(answer.result());
                    } else {
                        status.completeExceptionally(answer.cause());
                    }
                });
        return status;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Its threads are the only thing left: nothing is sent after the load, and the JVM ends with the run.
            System.err.println("closing the WhatsApp driver: " + e);
        }
    }

    /** An HMAC-SHA256 keyed with the app secret, for one thread: Meta's signature, and a channel's check of it. */
    public static Mac hmac(String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

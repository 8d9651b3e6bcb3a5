package dev.switchboard.bench.measure;

import dev.switchboard.bench.load.LoadGenerator;
import dev.switchboard.bench.load.Mix;
import dev.switchboard.bench.load.TrafficMix;
import dev.switchboard.bench.load.WhatsAppDriver;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;

/**
 * What this machine carries of webhooks at all: the same load generator, mix and connections as the
 * run, against an endpoint that checks the signature as a channel must and answers 200, doing nothing
 * else (no broker, no database). It runs on Vert.x, the HTTP stack under the Quarkus channels, in the
 * generator's own JVM. No channel can accept faster than this on the same machine, so it bounds the
 * whole pipeline, and its CPU says how much of the machine the provider's side alone takes.
 */
public final class HttpCeiling {
    /**
     * @param answered          deliveries answered 200 in {@code seconds}
     * @param notAnswered       deliveries refused or failed: not counted (none unless something is wrong)
     * @param cpuPercentOfCore  the generator's JVM (client and endpoint) in % of one core
     */
    public record Result(double seconds, long answered, long notAnswered, double perSecond, double cpuPercentOfCore,
                         int concurrency) {
        public static final Result NOT_MEASURED = new Result(0, 0, 0, 0, 0, 0);
    }

    private static final int EVENT_LOOPS = 2;
    // The key set up once per event loop, as a channel keeps it: a lookup per request would lower the ceiling.
    private static final ThreadLocal<Mac> VERIFIER =
            ThreadLocal.withInitial(() -> WhatsAppDriver.hmac(WhatsAppWebhooks.DEV_APP_SECRET));

    private HttpCeiling() {
    }

    /** @param duration how long to send; positive (a scenario without a ceiling does not call this) */
    public static Result measure(Duration duration, int concurrency, long seed, Mix mix) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the HTTP ceiling needs a positive duration, not " + duration);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        try {
            int port = freePort();
            for (int i = 0; i < EVENT_LOOPS; i++) { // one server per event loop, sharing the port; closed with Vert.x
                await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                        .requestHandler(HttpCeiling::answer).listen(port));
            }
            SendLog log = new SendLog(new Timeline(System.currentTimeMillis()));
            double seconds;
            long cpu;
            try (WhatsAppDriver driver = new WhatsAppDriver("http://127.0.0.1:" + port,
                    WhatsAppWebhooks.DEV_APP_SECRET)) {
                LoadGenerator load = new LoadGenerator(driver, new TrafficMix(seed, mix, "ceil"), log, concurrency);
                long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
                long start = System.nanoTime();
                load.run(0, duration);
                seconds = (System.nanoTime() - start) / 1e9;
                cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - cpuBefore;
            }
            return new Result(seconds, log.acks(), log.requests() - log.acks(), log.acks() / seconds,
                    cpu / 1e7 / seconds, concurrency);
        } finally {
            await(vertx.close());
        }
    }

    /** As a channel must: the body read whole, its signature checked in constant time; then 200. */
    private static void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String signature = request.getHeader("X-Hub-Signature-256");
            String expected = "sha256=" + HexFormat.of().formatHex(VERIFIER.get().doFinal(body.getBytes()));
            boolean valid = signature != null && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
            request.response().setStatusCode(valid ? 200 : 401).end(valid ? "EVENT_RECEIVED" : "bad signature");
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the HTTP ceiling's endpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("HTTP ceiling endpoint: " + e.getMessage(), e);
        }
    }
}

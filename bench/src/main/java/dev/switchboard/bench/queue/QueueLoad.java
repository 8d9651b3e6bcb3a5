package dev.switchboard.bench.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A fixed list of queue requests played by a few closed-loop clients (each sends its next request
 * when the answer arrived), timed from send to the last byte of the body.
 */
final class QueueLoad {
    /** One request of the plan: which variant it counts for, the path, the agent's token. */
    record Call(String variant, String path, String token) {
    }

    /** Latencies per variant and overall, in microseconds. */
    record Result(Map<String, Histogram> byVariant, Histogram all, double seconds, long entries, long failures) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    QueueLoad(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Result run(List<Call> calls, int clients) throws Exception {
        Map<String, Histogram> byVariant = new LinkedHashMap<>();
        calls.forEach(c -> byVariant.computeIfAbsent(c.variant(), v -> new Histogram(60_000_000L, 3)));
        Histogram all = new Histogram(60_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong entries = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < calls.size(); n = next.getAndIncrement()) {
                        Call call = calls.get(n);
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                                .header("Authorization", "Bearer " + call.token())
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - sent) / 1000;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            System.err.println(call.path() + " -> " + response.statusCode() + ": " + response.body());
                            continue;
                        }
                        entries.addAndGet(countEntries(response.body()));
                        synchronized (all) {
                            all.recordValue(micros);
                            byVariant.get(call.variant()).recordValue(micros);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(byVariant, all, (System.nanoTime() - start) / 1e9, entries.get(), failures.get());
    }

    /** Queue entries in a JSON array answer: every entry has exactly one "number" field. */
    private static int countEntries(String body) {
        int count = 0;
        for (int i = body.indexOf("\"number\":"); i >= 0; i = body.indexOf("\"number\":", i + 1)) {
            count++;
        }
        return count;
    }
}

package dev.switchboard.ticket.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A real SSE client: the JDK HttpClient reading the stream line by line, as a browser's EventSource would. */
public final class SseClient implements AutoCloseable {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private final AtomicInteger comments = new AtomicInteger();

    public record Event(String name, String data) {
    }

    private SseClient(URI uri, String user) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TicketApi.token(user)).GET().build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                lines = response.body();
                read(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits for the server's 'ready' event: from then on no change is missed. */
    public static SseClient open(URI uri, String user) {
        SseClient client = new SseClient(uri, user);
        await().atMost(TicketApi.PATIENCE).until(() -> client.events().stream().anyMatch(e -> "ready".equals(e.name())));
        return client;
    }

    /** Comment lines seen: the server's keep-alives. */
    public int comments() {
        return comments.get();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Events whose data mentions this text (e.g. a ticket id), in arrival order. */
    public List<Event> about(String text) {
        return events.stream().filter(e -> e.data() != null && e.data().contains(text)).toList();
    }

    private void read(Stream<String> body) {
        String name = null;
        List<String> data = new ArrayList<>();
        for (String line : (Iterable<String>) body::iterator) {
            if (line.isEmpty()) {
                if (name != null || !data.isEmpty()) {
                    events.add(new Event(name == null ? "message" : name, String.join("\n", data)));
                }
                name = null;
                data.clear();
            } else if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).strip());
            }
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}

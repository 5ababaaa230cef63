package dev.medi.gateway.support;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A Server-Sent Events client on the JDK's HttpClient: reads {@code event:}/{@code id:}/{@code data:} blocks as they arrive. */
public final class SseClient implements AutoCloseable {

    /** One event as sent. */
    public record Event(String event, String id, String data) {
        public JsonObject json() {
            return new JsonObject(data);
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; returns once the response headers arrived. */
    public static SseClient open(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), "the stream did not open");
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return new SseClient(response);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(event == null ? "message" : event, id, data.toString()));
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed by the test or by the server
        } finally {
            ended = true;
        }
    }

    /** The next event that is not a heartbeat, within 15 s (heartbeats do not extend the wait). */
    public Event next() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(event, "no event other than heartbeats within 15 s");
            if (!"heartbeat".equals(event.event())) {
                return event;
            }
        }
    }

    /** The next event that is not a heartbeat, which must be an {@code event: <name>}. */
    public Event next(String name) throws InterruptedException {
        Event event = next();
        assertEquals(name, event.event(), () -> "expected event " + name + ", got " + event);
        return event;
    }

    public Event nextHeartbeat() throws InterruptedException {
        while (true) {
            Event event = poll();
            if ("heartbeat".equals(event.event())) {
                return event;
            }
        }
    }

    private Event poll() throws InterruptedException {
        Event event = events.poll(15, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 15 s");
        return event;
    }

    /** Whether the server ended the stream (all events read). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}

package dev.medi.gateway.support;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@code /ws/queue} client on the JDK's WebSocket, authenticating as a browser does (token in the sub-protocol). */
public final class WebSocketClient implements AutoCloseable {

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WebSocketClient(URI gateway, String token) throws Exception {
        URI uri = URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve("/ws/queue");
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + token)
                .buildAsync(uri, new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    public static WebSocketClient connect(URI gateway, String token) throws Exception {
        return new WebSocketClient(gateway, token);
    }

    public void send(JsonObject message) throws Exception {
        socket.sendText(message.encode(), true).get(5, TimeUnit.SECONDS);
    }

    /** The next frame that is not a heartbeat, within 15 s (heartbeats do not extend the wait). */
    public JsonObject next() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            JsonObject frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(frame, "no frame other than heartbeats within 15 s");
            if (!"heartbeat".equals(frame.getString("type"))) {
                return frame;
            }
        }
    }

    /** The next frame that is not a heartbeat, which must be of {@code type}. */
    public JsonObject next(String type) throws InterruptedException {
        JsonObject frame = next();
        assertEquals(type, frame.getString("type"), () -> "expected a " + type + " frame, got " + frame.encode());
        return frame;
    }

    /** The frames up to and including the first of {@code type} (heartbeats left out), in order; at most 20 of them. */
    public List<JsonObject> until(String type) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            assertTrue(seen.size() < 20, () -> "no " + type + " frame among " + seen);
            JsonObject frame = next();
            seen.add(frame);
            if (type.equals(frame.getString("type"))) {
                return seen;
            }
        }
    }

    /** Skips frames (heartbeats included) until a heartbeat whose time is after {@code instant}: time has passed it. */
    public void heartbeatAfter(Instant instant) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Instant.parse(nextHeartbeat().getString("time")).isAfter(instant)) {
            assertTrue(System.nanoTime() < deadline, "no heartbeat after " + instant + " within 30 s");
        }
    }

    /** The next heartbeat, skipping other frames. */
    public JsonObject nextHeartbeat() throws InterruptedException {
        while (true) {
            JsonObject frame = poll();
            if ("heartbeat".equals(frame.getString("type"))) {
                return frame;
            }
        }
    }

    private JsonObject poll() throws InterruptedException {
        JsonObject frame = frames.poll(15, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within 15 s");
        return frame;
    }

    /** Completes with the close code once the server closed the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                frames.add(new JsonObject(message.toString()));
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}

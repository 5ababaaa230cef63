package dev.medi.platform.testing;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of the gateway's {@code /ws/queue}, on the JDK's WebSocket, authenticating as a browser does: the
 * access token travels in the sub-protocol list ({@code bearer-token-carrier} plus
 * {@code quarkus-http-upgrade#Authorization#Bearer%20<token>}), since browsers cannot set headers on an upgrade.
 *
 * <p>It collects every text frame as it arrives (JSON objects; see {@link #received()}) and lets a test wait for
 * the next frame of a type, or for any frame matching a predicate, with a timeout; heartbeats never count as "the
 * next frame" but are kept and can be awaited too. {@link #sendText(String)} sends text as it is, for the
 * malformed-message cases; {@link #raw} opens a connection on a bare socket for what a real client never does
 * (stop reading). Depends on the JDK and Vert.x JSON only, so that system tests can use it without Quarkus.
 */
public final class QueueWebSocketClient implements AutoCloseable {

    /** The gateway's queue WebSocket. */
    public static final String PATH = "/ws/queue";
    /** How long {@link #next()} and its relatives wait for a frame. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final String HEARTBEAT = "heartbeat";

    private final BlockingQueue<JsonObject> unread = new LinkedBlockingQueue<>();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private QueueWebSocketClient(URI gateway, String token) throws Exception {
        URI uri = URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve(PATH);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + token)
                .buildAsync(uri, new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * Opens {@code /ws/queue} on the gateway at {@code gateway} (http or ws URL) with {@code token}; fails when the
     * gateway refuses the upgrade (e.g. a forged token).
     */
    public static QueueWebSocketClient connect(URI gateway, String token) throws Exception {
        return new QueueWebSocketClient(gateway, token);
    }

    public static QueueWebSocketClient connect(String gateway, String token) throws Exception {
        return connect(URI.create(gateway), token);
    }

    /** Sends a message. */
    public void send(JsonObject message) throws Exception {
        sendText(message.encode());
    }

    /** Sends text as it is, JSON or not (for the "message not understood" cases). */
    public void sendText(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** Sends {@code {"type":"subscribe","departments":[...]}}. */
    public void subscribe(String... departments) throws Exception {
        send(new JsonObject().put("type", "subscribe").put("departments", List.of(departments)));
    }

    /** The next frame that is not a heartbeat, within {@link #DEFAULT_TIMEOUT} (heartbeats do not extend the wait). */
    public JsonObject next() throws InterruptedException {
        return await(frame -> !isHeartbeat(frame), DEFAULT_TIMEOUT, "a frame other than heartbeats");
    }

    /** The next frame that is not a heartbeat, which must be of {@code type}. */
    public JsonObject next(String type) throws InterruptedException {
        JsonObject frame = next();
        if (!type.equals(frame.getString("type"))) {
            throw new AssertionError("expected a " + type + " frame, got " + frame.encode());
        }
        return frame;
    }

    /**
     * Reads on until a frame matching {@code wanted} arrives within {@code timeout}; the frames read past are
     * consumed (still in {@link #received()}). Fails with {@code description} if none comes.
     */
    public JsonObject await(Predicate<JsonObject> wanted, Duration timeout, String description) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject frame = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no " + description + " within " + timeout.toSeconds() + " s; received " + received);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** The first frame of {@code type} within {@link #DEFAULT_TIMEOUT}, skipping any others. */
    public JsonObject awaitType(String type) throws InterruptedException {
        return await(frame -> type.equals(frame.getString("type")), DEFAULT_TIMEOUT, type + " frame");
    }

    /** The frames up to and including the first of {@code type} (heartbeats left out), in order; at most 20 of them. */
    public List<JsonObject> until(String type) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            if (seen.size() >= 20) {
                throw new AssertionError("no " + type + " frame among " + seen);
            }
            JsonObject frame = next();
            seen.add(frame);
            if (type.equals(frame.getString("type"))) {
                return seen;
            }
        }
    }

    /** The next heartbeat, skipping other frames. */
    public JsonObject nextHeartbeat() throws InterruptedException {
        return await(QueueWebSocketClient::isHeartbeat, DEFAULT_TIMEOUT, "heartbeat");
    }

    /** Skips frames (heartbeats included) until a heartbeat whose time is after {@code instant}: time has passed it. */
    public void heartbeatAfter(Instant instant) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Instant.parse(nextHeartbeat().getString("time")).isAfter(instant)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("no heartbeat after " + instant + " within 30 s");
            }
        }
    }

    /** Every frame received so far, heartbeats included, in order of arrival. */
    public List<JsonObject> received() {
        return List.copyOf(received);
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

    private static boolean isHeartbeat(JsonObject frame) {
        return HEARTBEAT.equals(frame.getString("type"));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonObject frame;
                try {
                    frame = new JsonObject(message.toString());
                } catch (DecodeException notJson) {
                    // the gateway only sends JSON objects: keep the text so that the failing wait shows it
                    frame = new JsonObject().put("type", "not-json").put("text", message.toString());
                }
                received.add(frame);
                unread.add(frame);
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

    /**
     * Opens {@code path} on a bare socket whose receive buffer is {@code receiveBufferBytes}: for the one thing real
     * clients do not let a test do, stop reading (the gateway's writes back up soon after). Authenticates with a
     * plain {@code Authorization} header, as non-browser clients may.
     */
    public static Raw raw(URI gateway, String path, String token, int receiveBufferBytes) throws IOException {
        return Raw.connect(gateway, path, token, receiveBufferBytes);
    }

    /** A WebSocket connection on a bare socket; see {@link QueueWebSocketClient#raw}. */
    public static final class Raw implements AutoCloseable {

        /** What ended the stream: the close frame's code, or {@code EOF} when the connection just ended. */
        public static final int EOF = -1;

        private static final SecureRandom RANDOM = new SecureRandom();

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Raw(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Raw connect(URI gateway, String path, String token, int receiveBufferBytes) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBufferBytes); // before connecting: it sets the advertised window
            socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5000);
            socket.setSoTimeout(15_000);
            Raw client = new Raw(socket);
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            String upgrade = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            client.out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            String head = client.readHead();
            if (!head.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
            }
            return client;
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed during the upgrade");
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        /** Sends a text message (masked, as a client must). */
        public void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            }
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next complete text message (continuations joined); pings and pongs are skipped. Fails on close or EOF. */
        public String readText() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = readByte();
                int opcode = first & 0x0f;
                byte[] payload = readPayload();
                if (opcode == 0x8) {
                    throw new IOException("closed by the server");
                }
                if (opcode == 0x1 || opcode == 0x0) {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        return message.toString(StandardCharsets.UTF_8);
                    }
                }
            }
        }

        /** Reads messages (heartbeats may come in between) up to and including the first JSON frame of {@code type}. */
        public JsonObject readUntil(String type) throws IOException {
            while (true) {
                JsonObject frame = new JsonObject(readText());
                if (type.equals(frame.getString("type"))) {
                    return frame;
                }
            }
        }

        /**
         * Reads on until the server ends the connection: returns the close frame's code, or {@link #EOF} if the
         * connection ended without one (dropped with frames still unwritten). Throws if it stays open past the
         * socket timeout.
         */
        public int drainUntilClosed() throws IOException {
            try {
                while (true) {
                    int first = readByte();
                    byte[] payload = readPayload();
                    if ((first & 0x0f) == 0x8) {
                        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    }
                }
            } catch (EOFException | SocketException ended) {
                return EOF;
            }
        }

        private byte[] readPayload() throws IOException {
            int second = readByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = ((long) readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            return in.readNBytes((int) length);
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

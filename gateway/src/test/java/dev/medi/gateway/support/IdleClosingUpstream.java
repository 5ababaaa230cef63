package dev.medi.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service behind the gateway that closes keep-alive connections, as servers, load balancers and NAT tables do,
 * at the moment that hurts: a request arriving on a connection idle for {@link #IDLE_TIMEOUT} or longer is read
 * and the connection closed without an answer, exactly what a client sees when the server's idle timer fires as
 * its request goes out (or when a middlebox dropped the idle flow). Doing it on arrival makes the race
 * deterministic. Below {@link #CLOSED_WHEN_REUSED} every request after the first on a connection
 * gets the same treatment, whatever the idle time.
 *
 * <p>Everything else is answered {@code 200} with what arrived. {@code GET /__counts} (answered on any connection,
 * then closed) tells how many requests per method were answered and how many were closed on, and
 * ({@code idleMillis}) how long ago the last answer went out on any connection.
 */
public class IdleClosingUpstream implements QuarkusTestResourceLifecycleManager {

    /** Idle time after which the next request on a connection is not answered. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    /** The gateway routes this prefix to the stand-in (service {@code idle-closing}). */
    public static final String ROUTE = "/api/v1/idle-closing";
    /** Requests below it are closed on from the second request of a connection on. */
    public static final String CLOSED_WHEN_REUSED = ROUTE + "/reused-connection-closed/";

    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> closedOn = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong lastAnswerAnywhere = new AtomicLong(System.nanoTime());
    private ServerSocket server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool();
        threads.execute(this::accept);
        return Map.of("medi.gateway.services.idle-closing", "http://127.0.0.1:" + server.getLocalPort(),
                "medi.gateway.routes.idle-closing", ROUTE);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket, connections.incrementAndGet()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            long lastAnswer = System.nanoTime();
            for (int request = 1; ; request++) {
                Request read = Request.read(in);
                if (read == null) {
                    return; // the client closed the connection
                }
                if (read.path().equals("/__counts")) {
                    write(out, counts(), true);
                    return;
                }
                boolean idleTooLong = request > 1 && System.nanoTime() - lastAnswer >= IDLE_TIMEOUT.toNanos();
                boolean reused = request > 1 && read.path().startsWith(CLOSED_WHEN_REUSED);
                if (idleTooLong || reused) {
                    count(closedOn, read.method());
                    return; // closed without an answer
                }
                count(answered, read.method());
                write(out, new JsonObject().put("connection", connection).put("request", request)
                        .put("method", read.method()).put("uri", read.path()).put("body", read.body()), false);
                lastAnswer = System.nanoTime();
                lastAnswerAnywhere.set(lastAnswer);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private JsonObject counts() {
        JsonObject answeredJson = new JsonObject();
        answered.forEach((method, count) -> answeredJson.put(method, count.get()));
        JsonObject closedJson = new JsonObject();
        closedOn.forEach((method, count) -> closedJson.put(method, count.get()));
        long idleMillis = Duration.ofNanos(System.nanoTime() - lastAnswerAnywhere.get()).toMillis();
        return new JsonObject().put("answered", answeredJson).put("closed", closedJson).put("idleMillis", idleMillis);
    }

    private static void count(Map<String, AtomicInteger> counts, String method) {
        counts.computeIfAbsent(method, ignored -> new AtomicInteger()).incrementAndGet();
    }

    private static void write(OutputStream out, JsonObject json, boolean close) throws IOException {
        byte[] body = json.encode().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // stopping anyway
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** One HTTP/1.1 request: request line, headers, a body of Content-Length bytes (the gateway sends no chunks here). */
    record Request(String method, String path, String body) {

        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            int length = 0;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            String[] parts = requestLine.split(" ");
            String target = parts.length > 1 ? parts[1] : "/";
            int query = target.indexOf('?');
            return new Request(parts[0], query < 0 ? target : target.substring(0, query),
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    String text = bytes.toString(StandardCharsets.US_ASCII);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                bytes.write(b);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
        }
    }
}

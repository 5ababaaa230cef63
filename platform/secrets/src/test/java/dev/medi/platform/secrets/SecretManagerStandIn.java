package dev.medi.platform.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Local stand-in for the Secret Manager v1 REST API: only
 * {@code GET /v1/projects/{project}/secrets/{secret}/versions/{version}:access}, with Google's JSON
 * success and error shapes. Records every request so tests can assert what the client really sent.
 */
final class SecretManagerStandIn implements AutoCloseable {

    /** What the client sent: method, raw path, raw query (may be null), Authorization header (may be null). */
    record Request(String method, String path, String query, String authorization) {
    }

    private static final Pattern ACCESS =
            Pattern.compile("/v1/projects/([^/]+)/secrets/([^/]+)/versions/([^/:]+):access");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unavailableAnswers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> corrupted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    /** Held by hanging handlers until close(), so "no answer" needs no sleep. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when a hanging request has arrived, proving the failure is a timeout, not a refusal. */
    final CountDownLatch hangingRequestArrived = new CountDownLatch(1);

    SecretManagerStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // A thread per request: one hanging handler must not stall the others.
        server.setExecutor(executor);
        server.start();
    }

    /** {@code host:port} for {@code medi.secrets.gcp.endpoint}. */
    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    SecretManagerStandIn secret(String project, String secretId, String version, String value) {
        values.put(key(project, secretId, version), value);
        return this;
    }

    /** Answers 503 UNAVAILABLE to the next {@code times} requests for this secret id. */
    SecretManagerStandIn unavailable(String secretId, int times) {
        unavailableAnswers.put(secretId, new AtomicInteger(times));
        return this;
    }

    /** Sends this secret with a wrong dataCrc32c. */
    SecretManagerStandIn corrupt(String secretId) {
        corrupted.put(secretId, true);
        return this;
    }

    /** Never answers requests for this secret id (until close). */
    SecretManagerStandIn hang(String secretId) {
        hanging.put(secretId, true);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization")));
            Matcher m = ACCESS.matcher(exchange.getRequestURI().getRawPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !m.matches()) {
                error(exchange, 404, "NOT_FOUND", "Unknown method");
                return;
            }
            String project = m.group(1);
            String secretId = m.group(2);
            String version = m.group(3);
            if (hanging.containsKey(secretId)) {
                hangingRequestArrived.countDown();
                release.await();
                return;
            }
            AtomicInteger unavailable = unavailableAnswers.get(secretId);
            if (unavailable != null && unavailable.getAndDecrement() > 0) {
                error(exchange, 503, "UNAVAILABLE", "The service is currently unavailable.");
                return;
            }
            String value = values.get(key(project, secretId, version));
            if (value == null) {
                error(exchange, 404, "NOT_FOUND",
                        "Secret [projects/" + project + "/secrets/" + secretId + "] not found or has no versions.");
                return;
            }
            byte[] data = value.getBytes(StandardCharsets.UTF_8);
            CRC32C crc = new CRC32C();
            crc.update(data);
            long checksum = corrupted.containsKey(secretId) ? crc.getValue() ^ 1 : crc.getValue();
            // int64 fields are JSON strings in proto3 JSON; "latest" resolves to a numbered version.
            String name = "projects/" + project + "/secrets/" + secretId + "/versions/"
                    + ("latest".equals(version) ? "1" : version);
            send(exchange, 200, "{\"name\":\"" + name + "\",\"payload\":{\"data\":\""
                    + Base64.getEncoder().encodeToString(data) + "\",\"dataCrc32c\":\"" + checksum + "\"}}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(HttpExchange exchange, int code, String status, String message) throws IOException {
        send(exchange, code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\""
                + status + "\"}}");
    }

    private static void send(HttpExchange exchange, int code, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String key(String project, String secretId, String version) {
        return project + "/" + secretId + "/" + version;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

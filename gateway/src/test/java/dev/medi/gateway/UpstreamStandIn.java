package dev.medi.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.medi.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the queue service (and, echoing, for patient- and auth-service) behind the gateway. The ai service is pointed at a closed port, to see
 * the gateway's 502.
 * <ul>
 *   <li>{@code GET /api/v1/queues/{dept}/snapshot} and {@code GET /api/v1/public/boards/{dept}}: a snapshot
 *       and a board as queue-service serves them, at the sequence a test set with
 *       {@code PUT /__snapshots/{dept}} ({@code {"sequence":5,"status":200,"hold":false,"entries":[..],"tickets":[..]}};
 *       default: sequence 0, empty). {@code hold} keeps the answer back until {@code POST /__snapshots/{dept}/release}.
 *       {@code GET /__snapshots/{dept}} tells how many snapshot requests came and with which Authorization.</li>
 *   <li>anything else: echoes what reached it, and counts those requests ({@code GET /__requests}).</li>
 *   <li>every answer: the request's {@code X-Request-Id} back, as the services do; the key set
 *       ({@code /.well-known/jwks.json}) with {@code Cache-Control: public, max-age=300}, as auth-service.</li>
 * </ul>
 */
public class UpstreamStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Pattern SNAPSHOT = Pattern.compile("/api/v1/queues/([^/]+)/snapshot");
    private static final Pattern BOARD = Pattern.compile("/api/v1/public/boards/([^/]+)");
    private static final Pattern CONTROL = Pattern.compile("/__snapshots/([^/]+)(/release)?");

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, JsonObject> snapshots = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> snapshotRequests = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        AtomicInteger requests = new AtomicInteger();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Held snapshot answers must not stop the others.
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/__requests", exchange -> respond(exchange, 200,
                new JsonObject().put("count", requests.get())));
        server.createContext("/__snapshots/", this::control);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Matcher snapshot = SNAPSHOT.matcher(path);
            Matcher board = BOARD.matcher(path);
            if ("GET".equals(exchange.getRequestMethod()) && snapshot.matches()) {
                snapshot(exchange, snapshot.group(1));
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && board.matches()) {
                board(exchange, board.group(1));
                return;
            }
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, new JsonObject()
                    .put("method", exchange.getRequestMethod())
                    .put("uri", exchange.getRequestURI().toString())
                    .put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"))
                    .put("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                    .put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"))
                    .put("body", new String(body, StandardCharsets.UTF_8)));
        });
        server.start();
        String standIn = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "medi.gateway.services.queue", standIn,
                "medi.gateway.services.patient", standIn,
                "medi.gateway.services.auth", standIn,
                "medi.gateway.services.ai", "http://127.0.0.1:" + Ports.freePort());
    }

    private void control(HttpExchange exchange) throws IOException {
        Matcher control = CONTROL.matcher(exchange.getRequestURI().getPath());
        if (!control.matches()) {
            respond(exchange, 404, new JsonObject());
            return;
        }
        String department = control.group(1);
        if (control.group(2) != null) {
            CountDownLatch hold = holds.remove(department);
            if (hold != null) {
                hold.countDown();
            }
            respond(exchange, 200, new JsonObject());
        } else if ("PUT".equals(exchange.getRequestMethod())) {
            JsonObject setting = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            snapshots.put(department, setting);
            if (setting.getBoolean("hold", false)) {
                holds.put(department, new CountDownLatch(1));
            }
            respond(exchange, 200, setting);
        } else {
            respond(exchange, 200, snapshotRequests.getOrDefault(department, new JsonObject().put("count", 0)));
        }
    }

    private void snapshot(HttpExchange exchange, String department) throws IOException {
        snapshotRequests.compute(department, (id, seen) -> new JsonObject()
                .put("count", (seen == null ? 0 : seen.getInteger("count")) + 1)
                .put("authorization", exchange.getRequestHeaders().getFirst("Authorization")));
        JsonObject setting = awaitRelease(department);
        int status = setting.getInteger("status", 200);
        if (status != 200) {
            respond(exchange, status, new JsonObject().put("status", status));
            return;
        }
        respond(exchange, 200, new JsonObject()
                .put("departmentId", department)
                .put("sequence", setting.getLong("sequence", 0L))
                .put("generatedAt", Instant.now().toString())
                .put("entries", setting.getJsonArray("entries", new JsonArray())));
    }

    private void board(HttpExchange exchange, String department) throws IOException {
        JsonObject setting = awaitRelease(department);
        int status = setting.getInteger("status", 200);
        if (status != 200) {
            respond(exchange, status, new JsonObject().put("status", status));
            return;
        }
        respond(exchange, 200, new JsonObject()
                .put("departmentId", department)
                .put("department", "General")
                .put("sequence", setting.getLong("sequence", 0L))
                .put("generatedAt", Instant.now().toString())
                .put("tickets", setting.getJsonArray("tickets", new JsonArray())));
    }

    private JsonObject awaitRelease(String department) {
        CountDownLatch hold = holds.get(department);
        if (hold != null) {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return snapshots.getOrDefault(department, new JsonObject());
    }

    private static void respond(HttpExchange exchange, int status, JsonObject json) throws IOException {
        byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // as every service does: the request's id back, and a key set that may be cached
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        if (exchange.getRequestURI().getPath().equals("/.well-known/jwks.json")) {
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

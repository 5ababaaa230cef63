package dev.medi.ai.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in of patient-service's API on loopback: answers {@code GET /api/v1/encounters/{id}} and
 * {@code GET /api/v1/patients/{id}} with what a test scripted (status and body; unknown paths 404) and records the
 * requests it received (path and Authorization header), so a test can check that ai-service asked with the caller's
 * own token. ai-service is pointed at it through {@code medi.ai.patient-service.url}.
 */
public class PatientServiceStandIn implements QuarkusTestResourceLifecycleManager {

    /** A scripted answer. */
    public record Answer(int status, String body) {
    }

    /** A request received. */
    public record Received(String path, String authorization) {
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Scripts the answer to {@code GET path} (e.g. "/api/v1/encounters/…"). */
    public static void answer(String path, int status, String body) {
        ANSWERS.put(path, new Answer(status, body));
    }

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", PatientServiceStandIn::handle);
        server.start();
        return Map.of("medi.ai.patient-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        RECEIVED.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = ANSWERS.getOrDefault(path, new Answer(404, "{\"status\":404}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                answer.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package dev.medi.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.medi.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the queue service behind the gateway: echoes what reached it, and counts requests
 * ({@code GET /__requests}). The ai service is pointed at a closed port, to see the gateway's 502.
 */
public class UpstreamStandIn implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        AtomicInteger requests = new AtomicInteger();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/__requests", exchange -> respond(exchange, 200,
                new JsonObject().put("count", requests.get())));
        server.createContext("/", exchange -> {
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
        return Map.of(
                "medi.gateway.services.queue", "http://127.0.0.1:" + server.getAddress().getPort(),
                "medi.gateway.services.ai", "http://127.0.0.1:" + Ports.freePort());
    }

    private static void respond(HttpExchange exchange, int status, JsonObject json) throws IOException {
        byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package dev.medi.queue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for patient-service's {@code GET /api/v1/patients/{id}}, stateless so tests need not share anything
 * with it: an id whose last group starts with {@link #REGISTERED} exists (200), one starting with {@link #BROKEN}
 * makes it fail (500), any other is unknown (404). A request without a bearer token is answered 401, so a test that
 * expects a 200 also proves the caller's token was passed on.
 */
public class PatientServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String REGISTERED = "a11ce";
    public static final String BROKEN = "dead0";

    private HttpServer server;

    /** An id patient-service knows (and the projection does not yet). */
    public static UUID registeredOnlyThere() {
        return withPrefix(REGISTERED);
    }

    /** An id whose lookup fails as if patient-service were down. */
    public static UUID whenPatientServiceFails() {
        return withPrefix(BROKEN);
    }

    private static UUID withPrefix(String prefix) {
        String random = UUID.randomUUID().toString();
        return UUID.fromString(random.substring(0, 24) + prefix + random.substring(24 + prefix.length()));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/patients/", exchange -> {
            try {
                String id = exchange.getRequestURI().getPath().substring("/api/v1/patients/".length());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String last = id.substring(id.lastIndexOf('-') + 1);
                int status = authorization == null || !authorization.startsWith("Bearer ey") ? 401
                        : last.startsWith(REGISTERED) ? 200 : last.startsWith(BROKEN) ? 500 : 404;
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return Map.of("medi.queue.patient-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

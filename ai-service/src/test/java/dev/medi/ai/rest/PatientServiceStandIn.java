package dev.medi.ai.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in of patient-service's record API for ai-service's tests: {@link #READABLE} has a record with a signed note
 * and an abnormal vital sign, {@link #FORBIDDEN} answers 403 (no department link), anything else 404. It counts the
 * history reads, which shows whether a summary was computed or served from the cache.
 */
public class PatientServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String READABLE = "0193a000-0000-7000-8000-00000000a001";
    public static final String FORBIDDEN = "0193a000-0000-7000-8000-00000000a002";
    public static final String NOTE = "0193a000-0000-7000-8000-00000000b001";
    public static final AtomicInteger HISTORY_READS = new AtomicInteger();
    public static volatile String lastAuthorization;

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> {
                lastAuthorization = request.getHeader("Authorization");
                String path = request.path();
                JsonObject body;
                if (path.contains(FORBIDDEN)) {
                    request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                            .end(new JsonObject().put("status", 403).encode());
                    return;
                } else if (path.equals("/api/v1/patients/" + READABLE)) {
                    body = new JsonObject().put("id", READABLE).put("status", "active");
                } else if (path.equals("/api/v1/patients/" + READABLE + "/history")) {
                    HISTORY_READS.incrementAndGet();
                    body = new JsonObject().put("items", new JsonArray()
                            .add(new JsonObject().put("kind", "vitals").put("id", "0193a000-0000-7000-8000-00000000c000")
                                    .put("at", "2026-03-12T14:02:00Z").put("detail", new JsonObject().put("observations", new JsonArray()
                                            .add(new JsonObject().put("id", "0193a000-0000-7000-8000-00000000c001").put("display", "SpO₂")
                                                    .put("value", 88).put("unit", "%").put("interpretation", "LL")
                                                    .put("effectiveAt", "2026-03-12T14:02:00Z")))))
                            .add(new JsonObject().put("kind", "encounter").put("id", "0193a000-0000-7000-8000-00000000e001")
                                    .put("at", "2026-03-12T13:40:00Z")
                                    .put("detail", new JsonObject().put("reason", "short of breath").put("status", "finished"))));
                } else if (path.equals("/api/v1/patients/" + READABLE + "/notes")) {
                    body = new JsonObject().put("items", new JsonArray()
                            .add(new JsonObject().put("id", NOTE).put("status", "signed").put("signedAt", "2026-03-12T15:00:00Z"))
                            .add(new JsonObject().put("id", "0193a000-0000-7000-8000-00000000b002").put("status", "draft")));
                } else if (path.equals("/api/v1/notes/" + NOTE)) {
                    body = new JsonObject().put("id", NOTE).put("status", "signed").put("signedBy", "doctor")
                            .put("signedAt", "2026-03-12T15:00:00Z").put("assessment", "Community-acquired pneumonia.")
                            .put("plan", "Amoxicillin 500 mg three times daily for 7 days.");
                } else {
                    request.response().setStatusCode(404).end();
                    return;
                }
                request.response().putHeader("Content-Type", "application/json").end(body.encode());
            }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stand-in did not start", e);
        }
        return Map.of("medi.ai.patient-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}

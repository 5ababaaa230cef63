package dev.medi.patient.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.medi.patient.config.DocumentConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Cloud Storage client as configured by {@link DocumentStorageProducer}, against a local stand-in of the
 * Cloud Storage JSON API (multipart upload with {@code ifGenerationMatch}, media download, 404 errors): the
 * requests the real client sends, and how the storage reads the answers.
 */
class GcsDocumentStorageTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String BUCKET = "medi-test-documents";

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GcsDocumentStorage storage() {
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        DocumentConfig.Gcs gcs = new DocumentConfig.Gcs() {
            public Optional<String> bucket() {
                return Optional.of(BUCKET);
            }

            public String objectPrefix() {
                return "documents/";
            }

            public Optional<String> projectId() {
                return Optional.of("medi-test");
            }

            public Optional<String> host() {
                return Optional.of(host);
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
        return new GcsDocumentStorage(DocumentStorageProducer.gcsClient(gcs), BUCKET, gcs.objectPrefix());
    }

    @Test
    void aBlobIsUploadedOnceAndDownloaded() throws IOException {
        GcsDocumentStorage storage = storage();
        byte[] content = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
        assertTrue(storage.put(HASH, content, "application/pdf"), () -> "stand-in: " + failures + " " + requests);
        assertArrayEquals(content, objects.get("documents/" + HASH));
        assertEquals("application/pdf", contentTypes.get("documents/" + HASH));
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST /upload/storage/v1/b/" + BUCKET + "/o")
                && r.contains("ifGenerationMatch=0")), () -> "upload with the does-not-exist precondition: " + requests);

        assertFalse(storage.put(HASH, content, "application/pdf"), "412 from the service: already stored");
        assertArrayEquals(content, storage.get(HASH));
    }

    @Test
    void aMissingObjectIsBlobNotFound() {
        GcsDocumentStorage storage = storage();
        assertThrows(DocumentStorage.BlobNotFoundException.class, () -> storage.get(HASH));
    }

    // --- the stand-in -------------------------------------------------------------------------------------------

    private final List<String> failures = new CopyOnWriteArrayList<>();

    private void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RuntimeException | IOException e) {
            failures.add(e.toString());
            error(exchange, 500, "stand-in failed: " + e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + path + "?" + query);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        String prefix = "/b/" + BUCKET + "/o";
        int at = path.indexOf(prefix);
        if (at < 0) {
            error(exchange, 404, "no such bucket");
            return;
        }
        String rest = path.substring(at + prefix.length());
        if (exchange.getRequestMethod().equals("POST") && rest.isEmpty()) {
            upload(exchange, query, body);
            return;
        }
        String name = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
        byte[] object = objects.get(name);
        if (object == null) {
            error(exchange, 404, "No such object: " + BUCKET + "/" + name);
            return;
        }
        if (query.contains("alt=media")) {
            exchange.getResponseHeaders().add("Content-Type", contentTypes.get(name));
            exchange.sendResponseHeaders(200, object.length);
            exchange.getResponseBody().write(object);
            exchange.close();
            return;
        }
        json(exchange, 200, metadata(name));
    }

    private void upload(HttpExchange exchange, String query, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!query.contains("uploadType=multipart") || contentType == null || !contentType.contains("boundary=")) {
            error(exchange, 400, "only multipart uploads in this stand-in: " + query);
            return;
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String[] parts = raw.split("--" + java.util.regex.Pattern.quote(boundary));
        if (parts.length < 3) {
            throw new IllegalStateException("not multipart: " + contentType + " / " + raw.substring(0, Math.min(300, raw.length())));
        }
        // parts: "", metadata part, media part, "--\r\n"
        String metadataPart = parts[1];
        JsonObject metadata = new JsonObject(metadataPart.substring(metadataPart.indexOf("\r\n\r\n") + 4).strip());
        String mediaPart = parts[2];
        String headers = mediaPart.substring(0, mediaPart.indexOf("\r\n\r\n"));
        String media = mediaPart.substring(mediaPart.indexOf("\r\n\r\n") + 4);
        media = media.endsWith("\r\n") ? media.substring(0, media.length() - 2) : media;
        String name = metadata.getString("name");
        if (query.contains("ifGenerationMatch=0") && objects.containsKey(name)) {
            error(exchange, 412, "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        objects.put(name, media.getBytes(StandardCharsets.ISO_8859_1));
        String type = metadata.getString("contentType");
        if (type == null) {
            type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("application/octet-stream");
        }
        contentTypes.put(name, type);
        json(exchange, 200, metadata(name));
    }

    private JsonObject metadata(String name) {
        return new JsonObject().put("kind", "storage#object").put("bucket", BUCKET).put("name", name)
                .put("id", BUCKET + "/" + name + "/1").put("generation", "1").put("metageneration", "1")
                .put("contentType", contentTypes.get(name)).put("size", Integer.toString(objects.get(name).length));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, new JsonObject().put("error", new JsonObject().put("code", status).put("message", message)
                .put("errors", new io.vertx.core.json.JsonArray().add(new JsonObject().put("message", message)
                        .put("reason", status == 412 ? "conditionNotMet" : "notFound")))));
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

package dev.medi.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few calls a benchmark makes outside its measured load (signing in, seeding, reading a snapshot,
 * cleaning up), with the JDK's HTTP client. Sign-in hashes the password on purpose slowly (Argon2id), so
 * each simulation signs in once per account, never per virtual user.
 */
final class MediApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A queue entry a benchmark created. */
    record Entry(String department, String id) {
    }

    private final URI base;
    private final HttpClient http;

    MediApi(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Whether the gateway is up and ready ({@code /q/health/ready} on its management interface answers 200). */
    boolean ready() {
        try {
            URI ready = URI.create(LoadSettings.gatewayManagementUrl() + "/q/health/ready");
            return http.send(get(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An access token of a demo account (password {@code medi-demo-<user>} unless {@code -Dpassword.<user>=...}). */
    String login(String user) {
        ObjectNode body = JSON.createObjectNode().put("username", user)
                .put("password", LoadSettings.string("password." + user, "medi-demo-" + user))
                .put("refreshTokenIn", "BODY");
        JsonNode answer = send(post("/api/v1/auth/login", null, body), 200, "sign-in of " + user);
        String token = answer.path("accessToken").asText("");
        if (token.isEmpty()) {
            throw new IllegalStateException("sign-in of " + user + " returned no accessToken");
        }
        return token;
    }

    JsonNode snapshot(String department, String token) {
        HttpRequest request = get(base.resolve("/api/v1/queues/" + department + "/snapshot"))
                .header("Authorization", "Bearer " + token).build();
        return send(request, 200, "snapshot of " + department);
    }

    /** Checks an unregistered arrival in (the check-in the benchmark measures, here for seeding). */
    Entry checkIn(String department, String token, String arrivalName) {
        ObjectNode body = JSON.createObjectNode().put("arrivalName", arrivalName).put("chiefComplaint", "cough");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/queues/" + department + "/check-ins"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return new Entry(department, send(request, 201, "check-in").path("id").asText());
    }

    /** Entries of earlier benchmark runs still waiting in the department (e.g. of a run that was killed). */
    List<Entry> leftovers(String department, String token) {
        List<Entry> found = new ArrayList<>();
        for (JsonNode item : snapshot(department, token).path("entries")) {
            JsonNode entry = item.path("entry");
            String status = entry.path("status").asText();
            if (entry.path("arrivalName").asText("").startsWith(LoadSettings.ARRIVAL_NAME_PREFIX)
                    && (status.equals("ARRIVED") || status.equals("TRIAGED"))) {
                found.add(new Entry(department, entry.path("id").asText()));
            }
        }
        return found;
    }

    /**
     * Cancels the entries (status {@code CANCELLED}, reason "load test"), at most {@code parallel} at a time;
     * returns how many were cancelled. Keeps the queue bounded between runs.
     */
    int cancelAll(Collection<Entry> entries, String token, int parallel) {
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger cancelled = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        byte[] body = "{\"reason\":\"load test\"}".getBytes();
        for (Entry entry : entries) {
            slots.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/queues/" + entry.department() + "/entries/"
                            + entry.id() + "/cancel"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                slots.release();
                if (failure == null && response.statusCode() == 200) {
                    cancelled.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return cancelled.get();
    }

    /** Text of a URL (Prometheus metrics), or {@code null} when it does not answer 200. */
    String text(URI url) {
        try {
            // the Prometheus endpoint answers 406 to Accept: application/json
            HttpResponse<String> response = http.send(get(url).setHeader("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest.Builder get(URI url) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
    }

    private HttpRequest post(String path, String token, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private JsonNode send(HttpRequest request, int expected, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + " (expected " + expected + "): "
                        + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

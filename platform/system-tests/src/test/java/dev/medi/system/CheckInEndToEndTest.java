package dev.medi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.devstack.DevStack;
import dev.medi.devstack.LocalStack;
import dev.medi.devstack.MediService;
import dev.medi.devstack.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thin slice through every layer, on the packaged services as separate processes: a receptionist signs
 * in through the gateway (auth-service), and a check-in sent to the gateway is stored by queue-service with its outbox event, relayed to Kafka, consumed by the gateway
 * and pushed to a WebSocket client subscribed to the department.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckInEndToEndTest {

    private static final String GENERAL = DevStack.DEMO_DEPARTMENTS.get(0);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;

    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        Path root = Path.of(System.getProperty("medi.project-root", "../..")).toAbsolutePath().normalize();
        // The production profile, configured from outside as on Kubernetes; free ports, throw-away data.
        stack = LocalStack.start(new LocalStack.Options(root, home, false, "prod"));
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aCheckInThroughTheGatewayReachesASubscribedWebSocketClient() throws Exception {
        String token = signIn("receptionist");
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + token)
                .buildAsync(URI.create(stack.gatewayUrl().replace("http", "ws") + "/ws/queue"), new Frames(frames))
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals("welcome", next(frames).path("type").asText());
            subscribe(socket, frames);

            HttpResponse<String> created = checkIn(token, "shortness of breath");
            long acknowledgedAt = System.nanoTime();
            assertEquals(201, created.statusCode(), created.body());
            String entryId = JSON.readTree(created.body()).path("id").asText();

            JsonNode event = nextEvent(frames);
            long visibleAfterMillis = (System.nanoTime() - acknowledgedAt) / 1_000_000;
            assertEquals("queue-event", event.path("type").asText());
            assertEquals("medi.queue.entry.checked-in.v1", event.path("eventType").asText());
            assertEquals(GENERAL, event.path("departmentId").asText());
            assertEquals(entryId, event.path("entry").path("id").asText());
            assertEquals("ARRIVED", event.path("entry").path("status").asText());
            assertTrue(event.path("sequence").asLong() >= 1);
            // Informational only; latency targets are measured by the load tests, not asserted here.
            System.getLogger("e2e").log(System.Logger.Level.INFO, "check-in visible on the WebSocket after " + visibleAfterMillis + " ms");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(2)
    void theEventSequenceHasNoGapAcrossARestartOfQueueService() throws Exception {
        String token = signIn("receptionist");
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + token)
                .buildAsync(URI.create(stack.gatewayUrl().replace("http", "ws") + "/ws/queue"), new Frames(frames))
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals("welcome", next(frames).path("type").asText());
            subscribe(socket, frames);
            assertEquals(201, checkIn(token, "before the restart").statusCode());
            long before = nextEvent(frames).path("sequence").asLong();

            stack.restart(MediService.QUEUE); // SIGTERM, then a fresh process on the same database and broker

            HttpResponse<String> after = checkIn(token, "after the restart");
            assertEquals(201, after.statusCode(), after.body());
            JsonNode event = nextEvent(frames);
            assertEquals(JSON.readTree(after.body()).path("id").asText(), event.path("entry").path("id").asText());
            assertEquals(before + 1, event.path("sequence").asLong(), "the sequence continues without a gap");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Issue 4's "done": a receptionist, a nurse and two doctors take two patients from arrival to finished
     * through the gateway API while a screen on the WebSocket sees every step, in order, without a gap.
     */
    @Test
    @Order(3)
    void aReceptionistANurseAndTwoDoctorsDriveTwoPatientsToFinishedWhileAScreenWatches() throws Exception {
        String receptionist = signIn("receptionist");
        String nurse = signIn("nurse");
        String doctor = signIn("doctor");
        String secondDoctor = createAndSignIn("doctor.two", "doctor");
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + nurse)
                .buildAsync(URI.create(stack.gatewayUrl().replace("http", "ws") + "/ws/queue"), new Frames(frames))
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals("welcome", next(frames).path("type").asText());
            long sequence = subscribe(socket, frames);
            Map<String, List<String>> seen = new HashMap<>();

            List<String> patients = new ArrayList<>();
            for (String complaint : List.of("chest pain", "severe headache")) {
                HttpResponse<String> created = checkIn(receptionist, complaint);
                assertEquals(201, created.statusCode(), created.body());
                patients.add(JSON.readTree(created.body()).path("id").asText());
                sequence = expectEvent(frames, sequence, "checked-in", seen);
            }
            for (String entry : patients) {
                // High risk: ESI 2 by decision point B, ahead of the untriaged arrivals of the earlier tests.
                HttpResponse<String> triaged = post(entryPath(entry) + "/triage", """
                        {"ageYears": 54, "highRisk": true, "expectedResources": 2,
                         "vitals": {"heartRate": 96, "respiratoryRate": 18, "spo2": 97, "systolicBp": 150,
                                    "diastolicBp": 90, "temperatureCelsius": 37.1, "pain": 6, "consciousness": "ALERT"}}""",
                        nurse, null);
                assertEquals(200, triaged.statusCode(), triaged.body());
                assertEquals(2, JSON.readTree(triaged.body()).path("finalLevel").asInt(), triaged.body());
                sequence = expectEvent(frames, sequence, "triaged", seen);
            }

            // Both doctors call at the same moment: each gets one of the two, never the same one.
            CompletableFuture<HttpResponse<String>> first = postAsync("/api/v1/queues/" + GENERAL + "/call-next",
                    "{\"room\":\"Room 1\"}", doctor);
            CompletableFuture<HttpResponse<String>> second = postAsync("/api/v1/queues/" + GENERAL + "/call-next",
                    "{\"room\":\"Room 2\"}", secondDoctor);
            Map<String, String> calledBy = new HashMap<>();
            calledBy.put(JSON.readTree(ok(first.get(15, TimeUnit.SECONDS))).path("id").asText(), doctor);
            calledBy.put(JSON.readTree(ok(second.get(15, TimeUnit.SECONDS))).path("id").asText(), secondDoctor);
            assertEquals(Set.copyOf(patients), calledBy.keySet(), "each doctor called one of the two patients");
            sequence = expectEvent(frames, sequence, "called", seen);
            sequence = expectEvent(frames, sequence, "called", seen);

            for (String entry : patients) {
                ok(post(entryPath(entry) + "/consultation", "", calledBy.get(entry), null));
                sequence = expectEvent(frames, sequence, "consultation-started", seen);
                ok(post(entryPath(entry) + "/finish", "", calledBy.get(entry), null));
                sequence = expectEvent(frames, sequence, "finished", seen);
            }
            List<String> lifecycle = List.of("checked-in", "triaged", "called", "consultation-started", "finished");
            for (String entry : patients) {
                assertEquals(lifecycle, seen.get(entry), "the screen saw every step of " + entry + " in order");
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Issue 5's "done", through the gateway: a registered patient's visit becomes their record — patient-service
     * consumes the queue's events (triage vitals → observations, consultation → an encounter, finished → closed),
     * the doctor signs a note on the encounter and prints it, and a FHIR client reads the patient.
     */
    @Test
    @Order(4)
    void aRegisteredPatientsVisitBecomesTheirRecordAndIsReadableOverFhir() throws Exception {
        String receptionist = signIn("receptionist");
        String nurse = signIn("nurse");
        String doctor = signIn("doctor");
        HttpResponse<String> registered = post("/api/v1/patients?force=true", """
                {"name": {"family": "Systemtest", "given": ["Ada"]}, "birthDate": "1971-05-04", "sex": "female"}""",
                receptionist, null);
        assertEquals(201, registered.statusCode(), registered.body());
        String patientId = JSON.readTree(registered.body()).path("id").asText();

        HttpResponse<String> checkedIn = post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"patientId\":\"" + patientId + "\",\"chiefComplaint\":\"palpitations\"}", receptionist,
                UUID.randomUUID().toString());
        assertEquals(201, checkedIn.statusCode(), checkedIn.body());
        String entryId = JSON.readTree(checkedIn.body()).path("id").asText();
        ok(post(entryPath(entryId) + "/triage", """
                {"birthDate": "1971-05-04", "highRisk": true, "expectedResources": 2,
                 "vitals": {"heartRate": 128, "respiratoryRate": 20, "spo2": 96, "systolicBp": 138,
                            "diastolicBp": 85, "temperatureCelsius": 36.9, "pain": 2, "consciousness": "ALERT"}}""",
                nurse, null));
        // The triage's vitals arrive in the record (heart rate 128 flagged as high for an adult).
        JsonNode heartRate = await(() -> {
            JsonNode items = bodyIfOk(get("/api/v1/patients/" + patientId + "/observations?code=8867-4", nurse)).path("items");
            return items.size() == 1 ? items.get(0) : null;
        });
        assertEquals(128, heartRate.path("value").asInt());
        assertEquals("triage", heartRate.path("source").asText());
        assertTrue(heartRate.path("interpretation").asText().startsWith("H"), heartRate.toString());

        ok(post("/api/v1/queues/" + GENERAL + "/call-next",
                "{\"room\":\"Room 3\",\"entryId\":\"" + entryId + "\"}", doctor, null));
        ok(post(entryPath(entryId) + "/consultation", "", doctor, null));
        JsonNode encounter = await(() -> {
            JsonNode items = bodyIfOk(get("/api/v1/patients/" + patientId + "/encounters", doctor)).path("items");
            return items.size() == 1 ? items.get(0) : null;
        });
        assertEquals(entryId, encounter.path("queueEntryId").asText());
        String encounterId = encounter.path("id").asText();

        HttpResponse<String> drafted = post("/api/v1/encounters/" + encounterId + "/notes", """
                {"subjective": "Palpitations since this morning.", "objective": "HR 128, regular.",
                 "assessment": "Sinus tachycardia.", "plan": "ECG, review in one hour."}""", doctor, null);
        assertEquals(201, drafted.statusCode(), drafted.body());
        String noteId = JSON.readTree(drafted.body()).path("id").asText();
        ok(post("/api/v1/notes/" + noteId + "/sign", "", doctor, null));
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/notes/" + noteId + "/pdf"))
                .header("Authorization", "Bearer " + doctor).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        ok(post(entryPath(entryId) + "/finish", "", doctor, null));
        await(() -> {
            JsonNode closed = bodyIfOk(get("/api/v1/encounters/" + encounterId, doctor));
            return "finished".equals(closed.path("status").asText()) ? closed : null;
        });

        // FHIR: the capability statement is public; the patient is readable with the doctor's token.
        assertEquals(200, get("/fhir/r4/metadata", null).statusCode());
        HttpResponse<String> fhirPatient = get("/fhir/r4/Patient/" + patientId, doctor);
        assertEquals(200, fhirPatient.statusCode(), fhirPatient.body());
        assertEquals("Patient", JSON.readTree(fhirPatient.body()).path("resourceType").asText());
        HttpResponse<String> anonymous = get("/fhir/r4/Patient/" + patientId, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("OperationOutcome", JSON.readTree(anonymous.body()).path("resourceType").asText());
    }

    @Test
    @Order(5)
    void theGatewayAndTheServiceRejectBadRequestsWithProblems() throws Exception {
        HttpResponse<String> anonymous = post("/api/v1/queues/" + GENERAL + "/check-ins", "{\"chiefComplaint\":\"x\"}", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));

        String token = signIn("receptionist");
        HttpResponse<String> invalid = post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"arrivalName\":\"A\",\"chiefComplaint\":\"\"}", token, UUID.randomUUID().toString());
        assertEquals(400, invalid.statusCode());
        assertEquals("https://medi-os.dev/problems/validation", JSON.readTree(invalid.body()).path("type").asText());
    }

    /**
     * Issue 11: a live stream does not outlive its session. Signing out at auth-service (through the gateway)
     * revokes the session; its event reaches the gateway over Kafka, which closes that session's WebSocket with
     * 4403 within seconds, although its access token has minutes left.
     */
    @Test
    @Order(6)
    void signingOutClosesTheSessionsWebSocket() throws Exception {
        HttpResponse<String> login = post("/api/v1/auth/login",
                "{\"username\":\"nurse\",\"password\":\"medi-demo-nurse\",\"refreshTokenIn\":\"BODY\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        JsonNode tokens = JSON.readTree(login.body());
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        Frames listener = new Frames(frames);
        WebSocket socket = HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + tokens.path("accessToken").asText())
                .buildAsync(URI.create(stack.gatewayUrl().replace("http", "ws") + "/ws/queue"), listener)
                .get(10, TimeUnit.SECONDS);
        assertEquals("welcome", next(frames).path("type").asText());
        subscribe(socket, frames);

        HttpResponse<String> logout = post("/api/v1/auth/logout",
                "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}", null, null);
        assertEquals(204, logout.statusCode(), logout.body());

        assertEquals(4403, listener.closed.get(30, TimeUnit.SECONDS), "closed as 'session ended'");
    }

    @Test
    @Order(7)
    void stoppingTheSuiteLeavesNoProcessBehind() {
        List<Process> services = List.of(MediService.values()).stream().map(s -> stack.service(s).process()).toList();
        int kafkaPort = stack.infrastructure().kafka().port();
        int postgresPort = stack.infrastructure().postgres().port();
        stack.close();
        stack = null;
        services.forEach(process -> assertFalse(process.isAlive(), "service process " + process.pid() + " still alive"));
        assertFalse(Ports.isListening(kafkaPort), "Kafka still listening");
        assertFalse(Ports.isListening(postgresPort), "PostgreSQL still listening");
    }

    /** Signs in through the gateway as a demo account: the token every screen would get. */
    private static String signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/api/v1/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"medi-demo-" + user + "\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        return JSON.readTree(login.body()).path("accessToken").asText();
    }

    private static HttpResponse<String> checkIn(String token, String complaint) throws IOException, InterruptedException {
        return post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"arrivalName\":\"System Test\",\"chiefComplaint\":\"" + complaint + "\"}", token, UUID.randomUUID().toString());
    }

    /** Subscribes to the general department; the gateway answers with the department's snapshot first. */
    private static long subscribe(WebSocket socket, BlockingQueue<JsonNode> frames) throws Exception {
        socket.sendText("{\"type\":\"subscribe\",\"departments\":[\"" + GENERAL + "\"]}", true).get(5, TimeUnit.SECONDS);
        boolean subscribed = false;
        JsonNode frame;
        do {
            frame = next(frames);
            subscribed |= "subscribed".equals(frame.path("type").asText());
            assertFalse("queue-event".equals(frame.path("type").asText()), "an event before the snapshot");
            assertFalse("error".equals(frame.path("type").asText()), frame.toString());
        } while (!"snapshot".equals(frame.path("type").asText()));
        assertTrue(subscribed, "no subscribed confirmation");
        assertEquals(GENERAL, frame.path("departmentId").asText());
        return frame.path("snapshot").path("sequence").asLong();
    }

    /**
     * The next queue event must be the one right after {@code sequence} and of the given kind
     * ({@code medi.queue.entry.<kind>.v1}); records it per entry. Returns its sequence.
     */
    private static long expectEvent(BlockingQueue<JsonNode> frames, long sequence, String kind,
                                    Map<String, List<String>> seen) throws InterruptedException {
        JsonNode event = nextEvent(frames);
        assertEquals("queue-event", event.path("type").asText(), event.toString());
        assertEquals(sequence + 1, event.path("sequence").asLong(), "no gap, no repeat");
        assertEquals("medi.queue.entry." + kind + ".v1", event.path("eventType").asText());
        seen.computeIfAbsent(event.path("entry").path("id").asText(), id -> new ArrayList<>()).add(kind);
        return sequence + 1;
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 200; an empty node otherwise (e.g. 403 until the queue's event has linked the patient). */
    private static JsonNode bodyIfOk(HttpResponse<String> response) throws IOException {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
    }

    /** What patient-service builds from the queue's events arrives asynchronously: wait for it (15 s at most). */
    private static JsonNode await(java.util.concurrent.Callable<JsonNode> found) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> result = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    result.set(found.call());
                    return result.get() != null;
                });
        return result.get();
    }

    private static String entryPath(String entryId) {
        return "/api/v1/queues/" + GENERAL + "/entries/" + entryId;
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** An admin creates a staff account in the general department through the gateway; it signs in. */
    private static String createAndSignIn(String username, String role) throws IOException, InterruptedException {
        String password = "Second-doctor-" + UUID.randomUUID();
        HttpResponse<String> created = post("/api/v1/users", """
                {"username": "%s", "email": "%s@clinic.example", "displayName": "Second Doctor", "roles": ["%s"],
                 "departments": ["%s"], "initialPassword": "%s"}""".formatted(username, username, role, GENERAL, password),
                signIn("admin"), null);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> login = post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        return JSON.readTree(login.body()).path("accessToken").asText();
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String path, String body, String token) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next queue event, skipping heartbeats. */
    private static JsonNode nextEvent(BlockingQueue<JsonNode> frames) throws InterruptedException {
        JsonNode frame;
        do {
            frame = next(frames);
        } while ("heartbeat".equals(frame.path("type").asText()));
        return frame;
    }

    private static HttpResponse<String> post(String path, String body, String token, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode next(BlockingQueue<JsonNode> frames) throws InterruptedException {
        JsonNode frame = frames.poll(15, TimeUnit.SECONDS);
        assertNotNull(frame, "no WebSocket frame within 15 s");
        return frame;
    }

    /** Collects complete text frames as JSON. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> frames;
        private final StringBuilder partial = new StringBuilder();
        /** The server's close code, once it closed the connection. */
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        Frames(BlockingQueue<JsonNode> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }
}

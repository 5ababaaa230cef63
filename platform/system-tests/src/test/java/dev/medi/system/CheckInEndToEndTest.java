package dev.medi.system;

import dev.medi.devstack.LocalStack;
import dev.medi.devstack.MediService;
import dev.medi.devstack.Ports;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.QueueWebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thin slice through every layer, on the packaged services as separate processes: a receptionist signs
 * in through the gateway (auth-service), and a check-in sent to the gateway is stored by queue-service with its outbox event, relayed to Kafka, consumed by the gateway
 * and pushed to a WebSocket client subscribed to the department.
 *
 * <p>The tests share the running suite (starting it takes most of the time) but nothing else: each signs in,
 * checks in and subscribes for itself, and holds in any order. Stopping the suite is checked once they are done.
 */
class CheckInEndToEndTest {

    private static final String GENERAL = DemoData.GENERAL;
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

    /** Stopping the suite leaves no process behind: every service, Kafka and PostgreSQL are gone. */
    @AfterAll
    static void stoppingTheSuiteLeavesNoProcessBehind() {
        if (stack == null) {
            return; // it did not start: startTheSuite reported why
        }
        List<Process> services = List.of(MediService.values()).stream().map(s -> stack.service(s).process()).toList();
        int kafkaPort = stack.infrastructure().kafka().port();
        int postgresPort = stack.infrastructure().postgres().port();
        stack.close();
        stack = null;
        services.forEach(process -> assertFalse(process.isAlive(), "service process " + process.pid() + " still alive"));
        assertFalse(Ports.isListening(kafkaPort), "Kafka still listening");
        assertFalse(Ports.isListening(postgresPort), "PostgreSQL still listening");
    }

    @Test
    void aCheckInThroughTheGatewayReachesASubscribedWebSocketClient() throws Exception {
        String token = signIn(DemoData.RECEPTIONIST);
        try (QueueWebSocketClient screen = QueueWebSocketClient.connect(stack.gatewayUrl(), token)) {
            screen.next("welcome");
            subscribe(screen);

            HttpResponse<String> created = checkIn(token, "shortness of breath");
            long acknowledgedAt = System.nanoTime();
            assertEquals(201, created.statusCode(), created.body());
            String entryId = json(created).getString("id");

            JsonObject event = screen.next("queue-event");
            long visibleAfterMillis = (System.nanoTime() - acknowledgedAt) / 1_000_000;
            assertEquals("medi.queue.entry.checked-in.v1", event.getString("eventType"));
            assertEquals(GENERAL, event.getString("departmentId"));
            assertEquals(entryId, event.getJsonObject("entry").getString("id"));
            assertEquals("ARRIVED", event.getJsonObject("entry").getString("status"));
            assertTrue(event.getLong("sequence") >= 1);
            // Informational only; latency targets are measured by the load tests, not asserted here.
            System.getLogger("e2e").log(System.Logger.Level.INFO, "check-in visible on the WebSocket after " + visibleAfterMillis + " ms");
        }
    }

    @Test
    void theEventSequenceHasNoGapAcrossARestartOfQueueService() throws Exception {
        String token = signIn(DemoData.RECEPTIONIST);
        try (QueueWebSocketClient screen = QueueWebSocketClient.connect(stack.gatewayUrl(), token)) {
            screen.next("welcome");
            subscribe(screen);
            assertEquals(201, checkIn(token, "before the restart").statusCode());
            long before = screen.next("queue-event").getLong("sequence");

            stack.restart(MediService.QUEUE); // SIGTERM, then a fresh process on the same database and broker

            HttpResponse<String> after = checkIn(token, "after the restart");
            assertEquals(201, after.statusCode(), after.body());
            JsonObject event = screen.next("queue-event");
            assertEquals(json(after).getString("id"), event.getJsonObject("entry").getString("id"));
            assertEquals(before + 1, event.getLong("sequence"), "the sequence continues without a gap");
        }
    }

    /**
     * Issue 4's "done": a receptionist, a nurse and two doctors take two patients from arrival to finished
     * through the gateway API while a screen on the WebSocket sees every step, in order, without a gap.
     */
    @Test
    void aReceptionistANurseAndTwoDoctorsDriveTwoPatientsToFinishedWhileAScreenWatches() throws Exception {
        String receptionist = signIn(DemoData.RECEPTIONIST);
        String nurse = signIn(DemoData.NURSE);
        String doctor = signIn(DemoData.DOCTOR);
        String secondDoctor = createAndSignIn("doctor." + UUID.randomUUID().toString().substring(0, 8), DemoData.DOCTOR);
        try (QueueWebSocketClient screen = QueueWebSocketClient.connect(stack.gatewayUrl(), nurse)) {
            screen.next("welcome");
            long sequence = subscribe(screen);
            Map<String, List<String>> seen = new HashMap<>();

            List<String> patients = new ArrayList<>();
            for (String complaint : List.of("chest pain", "severe headache")) {
                HttpResponse<String> created = checkIn(receptionist, complaint);
                assertEquals(201, created.statusCode(), created.body());
                patients.add(json(created).getString("id"));
                sequence = expectEvent(screen, sequence, "checked-in", seen);
            }
            for (String entry : patients) {
                // High risk: ESI 2 by decision point B, ahead of any untriaged arrivals the other tests leave.
                HttpResponse<String> triaged = post(entryPath(entry) + "/triage", """
                        {"ageYears": 54, "highRisk": true, "expectedResources": 2,
                         "vitals": {"heartRate": 96, "respiratoryRate": 18, "spo2": 97, "systolicBp": 150,
                                    "diastolicBp": 90, "temperatureCelsius": 37.1, "pain": 6, "consciousness": "ALERT"}}""",
                        nurse, null);
                assertEquals(200, triaged.statusCode(), triaged.body());
                assertEquals(2, json(triaged).getInteger("finalLevel"), triaged.body());
                sequence = expectEvent(screen, sequence, "triaged", seen);
            }

            // Both doctors call at the same moment: each gets one of the two, never the same one.
            CompletableFuture<HttpResponse<String>> first = postAsync("/api/v1/queues/" + GENERAL + "/call-next",
                    "{\"room\":\"Room 1\"}", doctor);
            CompletableFuture<HttpResponse<String>> second = postAsync("/api/v1/queues/" + GENERAL + "/call-next",
                    "{\"room\":\"Room 2\"}", secondDoctor);
            Map<String, String> calledBy = new HashMap<>();
            calledBy.put(new JsonObject(ok(first.get(15, TimeUnit.SECONDS))).getString("id"), doctor);
            calledBy.put(new JsonObject(ok(second.get(15, TimeUnit.SECONDS))).getString("id"), secondDoctor);
            assertEquals(Set.copyOf(patients), calledBy.keySet(), "each doctor called one of the two patients");
            sequence = expectEvent(screen, sequence, "called", seen);
            sequence = expectEvent(screen, sequence, "called", seen);

            for (String entry : patients) {
                ok(post(entryPath(entry) + "/consultation", "", calledBy.get(entry), null));
                sequence = expectEvent(screen, sequence, "consultation-started", seen);
                ok(post(entryPath(entry) + "/finish", "", calledBy.get(entry), null));
                sequence = expectEvent(screen, sequence, "finished", seen);
            }
            List<String> lifecycle = List.of("checked-in", "triaged", "called", "consultation-started", "finished");
            for (String entry : patients) {
                assertEquals(lifecycle, seen.get(entry), "the screen saw every step of " + entry + " in order");
            }
        }
    }

    /**
     * Issue 5's "done", through the gateway: a registered patient's visit becomes their record — patient-service
     * consumes the queue's events (triage vitals → observations, consultation → an encounter, finished → closed),
     * the doctor signs a note on the encounter and prints it, and a FHIR client reads the patient.
     */
    @Test
    void aRegisteredPatientsVisitBecomesTheirRecordAndIsReadableOverFhir() throws Exception {
        String receptionist = signIn(DemoData.RECEPTIONIST);
        String nurse = signIn(DemoData.NURSE);
        String doctor = signIn(DemoData.DOCTOR);
        HttpResponse<String> registered = post("/api/v1/patients?force=true", """
                {"name": {"family": "Systemtest", "given": ["Ada"]}, "birthDate": "1971-05-04", "sex": "female"}""",
                receptionist, null);
        assertEquals(201, registered.statusCode(), registered.body());
        String patientId = json(registered).getString("id");

        HttpResponse<String> checkedIn = post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"patientId\":\"" + patientId + "\",\"chiefComplaint\":\"palpitations\"}", receptionist,
                UUID.randomUUID().toString());
        assertEquals(201, checkedIn.statusCode(), checkedIn.body());
        String entryId = json(checkedIn).getString("id");
        ok(post(entryPath(entryId) + "/triage", """
                {"birthDate": "1971-05-04", "highRisk": true, "expectedResources": 2,
                 "vitals": {"heartRate": 128, "respiratoryRate": 20, "spo2": 96, "systolicBp": 138,
                            "diastolicBp": 85, "temperatureCelsius": 36.9, "pain": 2, "consciousness": "ALERT"}}""",
                nurse, null));
        // The triage's vitals arrive in the record (heart rate 128 flagged as high for an adult).
        JsonObject heartRate = awaitFound(() -> {
            JsonArray items = bodyIfOk(get("/api/v1/patients/" + patientId + "/observations?code=8867-4", nurse)).getJsonArray("items");
            return items != null && items.size() == 1 ? items.getJsonObject(0) : null;
        });
        assertEquals(128, heartRate.getInteger("value"));
        assertEquals("triage", heartRate.getString("source"));
        assertTrue(heartRate.getString("interpretation", "").startsWith("H"), heartRate.encode());

        // Called by id: whoever else waits in the department does not matter.
        ok(post("/api/v1/queues/" + GENERAL + "/call-next",
                "{\"room\":\"Room 3\",\"entryId\":\"" + entryId + "\"}", doctor, null));
        ok(post(entryPath(entryId) + "/consultation", "", doctor, null));
        JsonObject encounter = awaitFound(() -> {
            JsonArray items = bodyIfOk(get("/api/v1/patients/" + patientId + "/encounters", doctor)).getJsonArray("items");
            return items != null && items.size() == 1 ? items.getJsonObject(0) : null;
        });
        assertEquals(entryId, encounter.getString("queueEntryId"));
        String encounterId = encounter.getString("id");

        HttpResponse<String> drafted = post("/api/v1/encounters/" + encounterId + "/notes", """
                {"subjective": "Palpitations since this morning.", "objective": "HR 128, regular.",
                 "assessment": "Sinus tachycardia.", "plan": "ECG, review in one hour."}""", doctor, null);
        assertEquals(201, drafted.statusCode(), drafted.body());
        String noteId = json(drafted).getString("id");
        ok(post("/api/v1/notes/" + noteId + "/sign", "", doctor, null));
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/notes/" + noteId + "/pdf"))
                .header("Authorization", "Bearer " + doctor).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

        ok(post(entryPath(entryId) + "/finish", "", doctor, null));
        awaitFound(() -> {
            JsonObject closed = bodyIfOk(get("/api/v1/encounters/" + encounterId, doctor));
            return "finished".equals(closed.getString("status")) ? closed : null;
        });

        // FHIR: the capability statement is public; the patient is readable with the doctor's token.
        assertEquals(200, get("/fhir/r4/metadata", null).statusCode());
        HttpResponse<String> fhirPatient = get("/fhir/r4/Patient/" + patientId, doctor);
        assertEquals(200, fhirPatient.statusCode(), fhirPatient.body());
        assertEquals("Patient", json(fhirPatient).getString("resourceType"));
        HttpResponse<String> anonymous = get("/fhir/r4/Patient/" + patientId, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("OperationOutcome", json(anonymous).getString("resourceType"));
    }

    @Test
    void theGatewayAndTheServiceRejectBadRequestsWithProblems() throws Exception {
        HttpResponse<String> anonymous = post("/api/v1/queues/" + GENERAL + "/check-ins", "{\"chiefComplaint\":\"x\"}", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));

        String token = signIn(DemoData.RECEPTIONIST);
        HttpResponse<String> invalid = post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"arrivalName\":\"A\",\"chiefComplaint\":\"\"}", token, UUID.randomUUID().toString());
        assertEquals(400, invalid.statusCode());
        assertEquals("https://medi-os.dev/problems/validation", json(invalid).getString("type"));
    }

    /**
     * Issue 11: a live stream does not outlive its session. Signing out at auth-service (through the gateway)
     * revokes the session; its event reaches the gateway over Kafka, which closes that session's WebSocket with
     * 4403 within seconds, although its access token has minutes left. Only this sign-in's session ends: the
     * other tests' sessions of the same account go on.
     */
    @Test
    void signingOutClosesTheSessionsWebSocket() throws Exception {
        HttpResponse<String> login = post("/api/v1/auth/login", new JsonObject(DemoData.loginBody(DemoData.NURSE))
                .put("refreshTokenIn", "BODY").encode(), null, null);
        assertEquals(200, login.statusCode(), login.body());
        JsonObject tokens = json(login);
        try (QueueWebSocketClient screen = QueueWebSocketClient.connect(stack.gatewayUrl(), tokens.getString("accessToken"))) {
            screen.next("welcome");
            subscribe(screen);

            HttpResponse<String> logout = post("/api/v1/auth/logout",
                    "{\"refreshToken\":\"" + tokens.getString("refreshToken") + "\"}", null, null);
            assertEquals(204, logout.statusCode(), logout.body());

            assertEquals(4403, screen.closed().get(30, TimeUnit.SECONDS), "closed as 'session ended'");
        }
    }

    /** Signs in through the gateway as a demo account: the token every screen would get. */
    private static String signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/api/v1/auth/login", DemoData.loginBody(user), null, null);
        assertEquals(200, login.statusCode(), login.body());
        return json(login).getString("accessToken");
    }

    private static HttpResponse<String> checkIn(String token, String complaint) throws IOException, InterruptedException {
        return post("/api/v1/queues/" + GENERAL + "/check-ins",
                "{\"arrivalName\":\"System Test\",\"chiefComplaint\":\"" + complaint + "\"}", token, UUID.randomUUID().toString());
    }

    /**
     * Subscribes to the general department; the gateway answers with the department's snapshot first, no event
     * before it. Returns the snapshot's sequence.
     */
    private static long subscribe(QueueWebSocketClient screen) throws Exception {
        screen.subscribe(GENERAL);
        List<JsonObject> frames = screen.until("snapshot");
        List<String> types = frames.stream().map(frame -> frame.getString("type")).toList();
        assertTrue(types.contains("subscribed"), "no subscribed confirmation: " + frames);
        assertFalse(types.contains("queue-event"), "an event before the snapshot: " + frames);
        assertFalse(types.contains("error"), frames.toString());
        JsonObject snapshot = frames.get(frames.size() - 1);
        assertEquals(GENERAL, snapshot.getString("departmentId"));
        return snapshot.getJsonObject("snapshot").getLong("sequence");
    }

    /**
     * The next queue event must be the one right after {@code sequence} and of the given kind
     * ({@code medi.queue.entry.<kind>.v1}); records it per entry. Returns its sequence.
     */
    private static long expectEvent(QueueWebSocketClient screen, long sequence, String kind,
                                    Map<String, List<String>> seen) throws InterruptedException {
        JsonObject event = screen.next("queue-event");
        assertEquals(sequence + 1, event.getLong("sequence"), "no gap, no repeat");
        assertEquals("medi.queue.entry." + kind + ".v1", event.getString("eventType"));
        seen.computeIfAbsent(event.getJsonObject("entry").getString("id"), id -> new ArrayList<>()).add(kind);
        return sequence + 1;
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    /** The body of a 200; an empty object otherwise (e.g. 403 until the queue's event has linked the patient). */
    private static JsonObject bodyIfOk(HttpResponse<String> response) {
        return response.statusCode() == 200 ? json(response) : new JsonObject();
    }

    /** What patient-service builds from the queue's events arrives asynchronously: wait for it (15 s at most). */
    private static JsonObject awaitFound(Callable<JsonObject> found) {
        AtomicReference<JsonObject> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
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
                signIn(DemoData.ADMIN), null);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> login = post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        return json(login).getString("accessToken");
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String path, String body, String token) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
}

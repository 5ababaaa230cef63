package dev.medi.ai.rest;

import dev.medi.ai.repository.TokenBudgetRepository;
import dev.medi.ai.service.ScribeJobRunner;
import dev.medi.platform.events.ScribeJobEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scribe job API against real PostgreSQL and Kafka, with patient-service's answers scripted by
 * {@link PatientServiceStandIn}. The runner's timer is off in tests: each test runs the runner itself
 * ({@link ScribeJobRunner#runNext}), so a job's state never races a timer.
 */
@QuarkusTest
@QuarkusTestResource(PatientServiceStandIn.class)
class ScribeJobResourceTest {

    static final String PATH = "/api/v1/ai/scribe-jobs";
    static final String TRANSCRIPT = """
            Doctor: Good morning Mr Jensen, what brings you in today?
            Patient: I have had a cough for five days and a fever of 38.5 degrees. You can call me on 0151 2345 6789.
            Doctor: Any chest pain?
            Patient: No, no chest pain at all.
            Doctor: Your lungs sound clear and your oxygen saturation is 97 percent.
            Doctor: This looks like acute viral bronchitis.
            Doctor: Take paracetamol 500 mg up to four times a day and come back if the fever lasts beyond three days.
            """;

    @Inject
    ScribeJobRunner runner;

    @Inject
    TokenBudgetRepository budget;

    record Encounter(UUID id, UUID patientId, UUID departmentId) {
    }

    /** A fresh encounter and patient that patient-service (the stand-in) shows the caller. */
    static Encounter encounter(String departmentId) {
        Encounter encounter = new Encounter(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(departmentId));
        PatientServiceStandIn.answer("/api/v1/encounters/" + encounter.id(), 200, new JsonObject()
                .put("id", encounter.id().toString()).put("patientId", encounter.patientId().toString())
                .put("departmentId", departmentId).put("status", "in-progress").encode());
        PatientServiceStandIn.answer("/api/v1/patients/" + encounter.patientId(), 200, new JsonObject()
                .put("id", encounter.patientId().toString()).put("mrn", "1000000416").put("status", "active")
                .put("name", new JsonObject().put("family", "Jensen").put("given", new JsonArray().add("Erik")))
                .put("birthDate", "1961-03-14").put("phone", "0151 2345 6789").put("email", "erik@example.org")
                .put("address", new JsonObject().put("lines", new JsonArray().add("12 Harbour Road"))
                        .put("city", "Kiel").put("postalCode", "24103").put("country", "DE"))
                .encode());
        return encounter;
    }

    static String doctor() {
        return TestTokens.forRoles("doctor");
    }

    static Response submit(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    void runJobs() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> runner.runNext(50));
    }

    @Test
    void aTranscriptBecomesACheckedDraftAndItsEventCarriesTheDraft() throws Throwable {
        Encounter encounter = encounter(DemoData.GENERAL);
        String token = doctor();
        Response accepted = submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT));
        accepted.then().statusCode(202)
                .header("Location", endsWith(PATH + "/" + accepted.path("id")))
                .body("state", equalTo("queued"))
                .body("encounterId", equalTo(encounter.id().toString()))
                .body("patientId", equalTo(encounter.patientId().toString()))
                .body("requestedBy", equalTo("test.doctor"))
                .body("transcript", hasSize(7));
        String id = accepted.path("id");
        // patient-service was asked for the encounter and the patient with the doctor's own token
        assertTrue(PatientServiceStandIn.received().stream().anyMatch(r ->
                r.path().equals("/api/v1/encounters/" + encounter.id()) && ("Bearer " + token).equals(r.authorization())));
        assertTrue(PatientServiceStandIn.received().stream().anyMatch(r ->
                r.path().equals("/api/v1/patients/" + encounter.patientId()) && ("Bearer " + token).equals(r.authorization())));

        runJobs();

        Response done = given().auth().oauth2(token).when().get(PATH + "/" + id);
        done.then().statusCode(200)
                .body("state", equalTo("succeeded"))
                .body("engine", equalTo("offline"))
                .body("model", notNullValue())
                .body("promptVersion", equalTo("scribe-v1"))
                .body("noteId", notNullValue())
                .body("finishedAt", notNullValue())
                .body("unsupportedSentences", notNullValue());
        List<Map<String, Object>> draft = done.path("draft");
        assertFalse(draft.isEmpty(), "the draft has sentences");
        for (Map<String, Object> sentence : draft) {
            assertFalse(((List<?>) sentence.get("citedSegmentIds")).isEmpty(), "every sentence cites segments");
        }
        // the placeholders were restored: the doctor reads what was said
        assertTrue(draft.stream().anyMatch(s -> String.valueOf(s.get("text")).contains("500 mg")));
        assertFalse(draft.stream().anyMatch(s -> String.valueOf(s.get("text")).contains("[NAME_")));

        ConsumerRecord<String, String> succeeded = TopicReader.awaitOne(Topics.AI_EVENTS, r -> id.equals(r.key())
                && ScribeJobEvents.SUCCEEDED.type().equals(TopicReader.header(r, "ce_type")));
        EventSchemas.assertValid(ScribeJobEvents.SUCCEEDED, succeeded.value());
        JsonObject data = new JsonObject(succeeded.value());
        assertEquals("succeeded", data.getString("state"));
        assertEquals("test.doctor", data.getString("requestedBy"));
        assertEquals(done.path("noteId").toString(), data.getString("noteId"));
        JsonObject eventDraft = data.getJsonObject("draft");
        assertEquals(draft.size(), eventDraft.getJsonArray("sentences").size());
        JsonObject first = eventDraft.getJsonArray("sentences").getJsonObject(0);
        assertFalse(first.getJsonArray("spans").isEmpty(), "the evidence names the transcript spans");
        assertFalse((eventDraft.getString("subjective") + eventDraft.getString("objective")
                + eventDraft.getString("assessment") + eventDraft.getString("plan")).isBlank());
        // and the states before it
        for (var type : List.of(ScribeJobEvents.QUEUED, ScribeJobEvents.RUNNING)) {
            ConsumerRecord<String, String> record = TopicReader.awaitOne(Topics.AI_EVENTS,
                    r -> id.equals(r.key()) && type.type().equals(TopicReader.header(r, "ce_type")));
            EventSchemas.assertValid(type, record.value());
            assertTrue(new JsonObject(record.value()).getValue("draft") == null);
        }

        given().auth().oauth2(token).queryParam("encounterId", encounter.id()).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].draft", equalTo(null));
        given().auth().oauth2(token).queryParam("patientId", encounter.patientId()).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void segmentsWithTimesAreAcceptedToo() throws Throwable {
        Encounter encounter = encounter(DemoData.EMERGENCY);
        String token = doctor();
        String id = submit(token, Map.of("encounterId", encounter.id(), "segments", List.of(
                Map.of("speaker", "Doctor", "text", "What happened to your ankle?", "start", "00:00:02"),
                Map.of("speaker", "Patient", "text", "I twisted it playing football yesterday and it is swollen."),
                Map.of("speaker", "Doctor", "text", "The ankle is swollen laterally but you can bear weight.",
                        "start", "PT1M5S"))))
                .then().statusCode(202).body("transcript", hasSize(3))
                .body("transcript[0].startSeconds", equalTo(2.0f)).extract().path("id");
        runJobs();
        given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(200)
                .body("state", equalTo("succeeded"));
    }

    @Test
    void badInputIsRefusedAndStartsNoJob() {
        Encounter encounter = encounter(DemoData.GENERAL);
        String token = doctor();
        submit(token, Map.of("encounterId", encounter.id(), "transcript", "   ")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("empty"));
        submit(token, Map.of("encounterId", encounter.id(), "segments", List.of())).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("no segments"));
        submit(token, Map.of("encounterId", encounter.id())).then().statusCode(400)
                .contentType("application/problem+json");
        submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT, "segments",
                List.of(Map.of("speaker", "Doctor", "text", "Hello")))).then().statusCode(400);
        submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT, "priority", "high"))
                .then().statusCode(400).contentType("application/problem+json");
        submit(token, Map.of("transcript", TRANSCRIPT)).then().statusCode(400);
        String large = "Doctor: " + "The patient reports a dry cough. ".repeat(200 * 1024 / 32);
        submit(token, Map.of("encounterId", encounter.id(), "transcript", large)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/transcript-too-large"))
                .body("detail", containsString("at most 100 KiB"));

        given().auth().oauth2(token).queryParam("encounterId", encounter.id()).when().get(PATH)
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void onlyDoctorsWithATokenMaySubmit() {
        Encounter encounter = encounter(DemoData.GENERAL);
        given().contentType(ContentType.JSON).body(Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT))
                .when().post(PATH).then().statusCode(401).contentType("application/problem+json");
        submit(TestTokens.forRoles("nurse"), Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(doctor()).queryParam("encounterId", encounter.id()).when().get(PATH)
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownEncounterOrAnotherDepartmentsPatientStartsNoJob() {
        UUID unknown = UUID.randomUUID();
        submit(doctor(), Map.of("encounterId", unknown, "transcript", TRANSCRIPT)).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/unknown-encounter"));

        Encounter elsewhere = encounter(DemoData.GENERAL);
        PatientServiceStandIn.answer("/api/v1/encounters/" + elsewhere.id(), 403,
                "{\"type\":\"https://medi-os.dev/problems/forbidden\",\"status\":403}");
        submit(doctor(), Map.of("encounterId", elsewhere.id(), "transcript", TRANSCRIPT)).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(doctor()).queryParam("encounterId", elsewhere.id()).when().get(PATH)
                .then().statusCode(403);
    }

    @Test
    void aJobIsReadByItsRequesterOrADoctorWhoMayReadTheEncounter() {
        Encounter encounter = encounter(DemoData.GENERAL);
        String id = submit(doctor(), Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        String colleague = TestTokens.tokens().accessToken("colleague.doctor", List.of("doctor"), DemoData.DEPARTMENTS);
        given().auth().oauth2(colleague).when().get(PATH + "/" + id).then().statusCode(200);
        // the patient left the department's care: the colleague may not read it any more, the requester still may
        PatientServiceStandIn.answer("/api/v1/encounters/" + encounter.id(), 403, "{}");
        given().auth().oauth2(colleague).when().get(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(doctor()).when().get(PATH + "/" + id).then().statusCode(200);
        given().auth().oauth2(doctor()).when().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aQueuedJobIsCancelledOnceAndNeverRuns() throws Throwable {
        Encounter encounter = encounter(DemoData.GENERAL);
        String token = doctor();
        String id = submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(token).when().post(PATH + "/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("finishedAt", notNullValue());
        given().auth().oauth2(token).when().post(PATH + "/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/job-ended"));
        runJobs();
        given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(200)
                .body("state", equalTo("cancelled")).body("draft", equalTo(null));
        ConsumerRecord<String, String> cancelled = TopicReader.awaitOne(Topics.AI_EVENTS, r -> id.equals(r.key())
                && ScribeJobEvents.CANCELLED.type().equals(TopicReader.header(r, "ce_type")));
        EventSchemas.assertValid(ScribeJobEvents.CANCELLED, cancelled.value());
    }

    @Test
    void aSpentDepartmentBudgetAnswers429UntilMidnight() throws Throwable {
        String department = UUID.randomUUID().toString();
        Encounter encounter = encounter(department);
        String token = TestTokens.forRolesIn(List.of(department), "doctor");
        submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT)).then().statusCode(202);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> budget.spend(encounter.departmentId(), today, 2_000_000)));
        Response refused = submit(token, Map.of("encounterId", encounter.id(), "transcript", TRANSCRIPT));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/token-budget-spent"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 25 * 3600, "until the next midnight: " + retryAfter);
        // another department is not affected
        submit(doctor(), Map.of("encounterId", encounter(DemoData.EMERGENCY).id(), "transcript", TRANSCRIPT))
                .then().statusCode(202);
        assertNotNull(refused.path("retryAt"));
    }

    /** Leaves the job as a worker that died while running it would: running, lease passed, {@code attempts} made. */
    static void abandon(String id, int attempts) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("update scribe_jobs set state = 'running', "
                                + "started_at = now() - interval '10 minutes', lease_until = now() - interval '1 minute', "
                                + "attempts = ?2 where id = ?1")
                        .setParameter(1, UUID.fromString(id)).setParameter(2, attempts).executeUpdate())));
    }

    @Test
    void aRunningJobWhoseWorkerDiedIsTakenOverAndGivenUpAfterTooManyTries() throws Throwable {
        String token = doctor();
        String orphan = submit(token, Map.of("encounterId", encounter(DemoData.GENERAL).id(), "transcript", TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        String hopeless = submit(token, Map.of("encounterId", encounter(DemoData.GENERAL).id(), "transcript", TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        abandon(orphan, 1);
        abandon(hopeless, 3);

        runJobs();

        given().auth().oauth2(token).when().get(PATH + "/" + orphan).then().statusCode(200)
                .body("state", equalTo("succeeded")).body("noteId", notNullValue());
        given().auth().oauth2(token).when().get(PATH + "/" + hopeless).then().statusCode(200)
                .body("state", equalTo("failed")).body("failureReason", containsString("interrupted 3 times"))
                .body("draft", equalTo(null));
        ConsumerRecord<String, String> failed = TopicReader.awaitOne(Topics.AI_EVENTS, r -> hopeless.equals(r.key())
                && ScribeJobEvents.FAILED.type().equals(TopicReader.header(r, "ce_type")));
        EventSchemas.assertValid(ScribeJobEvents.FAILED, failed.value());
        // the identifiers kept for the redaction are gone once a job ended
        long remembered = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select count(*) from scribe_jobs where id in (?1, ?2) "
                                + "and identifiers is not null", Long.class)
                        .setParameter(1, UUID.fromString(orphan)).setParameter(2, UUID.fromString(hopeless))
                        .getSingleResult())));
        assertEquals(0, remembered);
    }
}

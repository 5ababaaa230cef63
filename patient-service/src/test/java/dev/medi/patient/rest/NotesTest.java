package dev.medi.patient.rest;

import dev.medi.devstack.DevTokens;
import dev.medi.patient.PatientApi;
import dev.medi.patient.pdf.NotePdfTest;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Concurrently;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clinical notes end to end: draft, edit with If-Match, versions, signing rules, addenda, lists, PDF, audit, events. */
@QuarkusTest
class NotesTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();
    private final String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);
    private final String nurse = "nurse." + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification doctor() {
        return PatientApi.asUser(doctor, List.of(department), "doctor");
    }

    private RequestSpecification nurse() {
        return PatientApi.asUser(nurse, List.of(department), "nurse");
    }

    /** A doctor's token issued (signed in) {@code age} ago, still valid for a few minutes. */
    private RequestSpecification doctorSignedInAgo(Duration age) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevTokens.ISSUER);
        claims.setAudience(DevTokens.AUDIENCE);
        claims.setSubject(UUID.nameUUIDFromBytes(doctor.getBytes()).toString());
        claims.setClaim("upn", doctor);
        claims.setStringListClaim("groups", List.of("doctor"));
        claims.setStringListClaim("departments", List.of(department));
        long now = NumericDate.now().getValue();
        claims.setIssuedAt(NumericDate.fromSeconds(now - age.toSeconds()));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        claims.setGeneratedJwtId();
        return given().auth().oauth2(TestTokens.tokens().sign(claims)).contentType(ContentType.JSON);
    }

    /** A patient of this test's department with an open encounter; returns {patientId, encounterId}. */
    private String[] encounter() {
        String patientId = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patientId, department);
        UUID encounterId = UUID.randomUUID();
        PatientApi.execute(dataSource, "insert into encounters (id, patient_id, department_id, status, started_at, source, "
                        + "opened_by, created_at, updated_at) values (?, ?, ?, 'in-progress', now(), 'direct', 'test', now(), now())",
                encounterId, UUID.fromString(patientId), UUID.fromString(department));
        return new String[]{patientId, encounterId.toString()};
    }

    private static Map<String, Object> soap() {
        Map<String, Object> body = new HashMap<>();
        body.put("subjective", "Cough for three days");
        body.put("objective", "Temperature 38.1");
        body.put("assessment", "Acute bronchitis");
        body.put("plan", "Fluids and rest");
        return body;
    }

    private ExtractableResponse<Response> draft(RequestSpecification as, String encounterId, Map<String, Object> body,
                                                int status) {
        return as.body(body).post("/api/v1/encounters/{id}/notes", encounterId).then().statusCode(status).extract();
    }

    private long audit(String requestId, String action, String outcome) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "' and outcome = '" + outcome + "'");
    }

    private long audit(String requestId) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId + "'");
    }

    private long notesOf(String patientId) {
        return Databases.count(dataSource, "select count(*) from clinical_notes where patient_id = '" + patientId + "'");
    }

    @Test
    void aNoteIsDraftedEditedSignedAmendedAndPrinted() throws Exception {
        String[] visit = encounter();
        String patientId = visit[0];

        String create = PatientApi.requestId();
        ExtractableResponse<Response> drafted = draft(nurse().header("X-Request-Id", create), visit[1],
                withSigner(soap(), doctor), 201);
        String id = drafted.path("id");
        assertTrue(drafted.header("Location").endsWith("/api/v1/notes/" + id));
        assertEquals("\"0\"", drafted.header("ETag"));
        assertEquals("draft", drafted.path("status"));
        assertEquals(patientId, drafted.path("patientId"));
        assertEquals(visit[1], drafted.path("encounterId"));
        assertEquals(doctor, drafted.path("signer"));
        assertEquals(nurse, drafted.path("createdBy"));
        assertEquals(false, drafted.path("provenance.aiGenerated"));
        assertEquals(1, audit(create, "note.create", "success"));
        assertEquals(1, audit(create));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + create
                + "' and target_type = 'note' and target_id = '" + id + "' and patient_id = '" + patientId + "'"));

        // edit: If-Match required, current version only
        Map<String, Object> edited = soap();
        edited.put("plan", "Fluids, rest, review in 3 days");
        doctor().body(edited).put("/api/v1/notes/{id}", id).then().statusCode(428).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
        doctor().header("If-Match", "\"7\"").body(edited).put("/api/v1/notes/{id}", id).then().statusCode(412)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "precondition-failed"));
        String update = PatientApi.requestId();
        doctor().header("X-Request-Id", update).header("If-Match", "\"0\"").body(edited).put("/api/v1/notes/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("plan", equalTo("Fluids, rest, review in 3 days"))
                .body("updatedBy", equalTo(doctor));
        assertEquals(1, audit(update, "note.update", "success"));
        doctor().header("If-Match", "\"0\"").body(soap()).put("/api/v1/notes/{id}", id).then().statusCode(412);

        String versions = PatientApi.requestId();
        doctor().header("X-Request-Id", versions).get("/api/v1/notes/{id}/versions", id).then().statusCode(200)
                .body("items.version", contains(0, 1)).body("items[0].plan", equalTo("Fluids and rest"))
                .body("items[0].savedBy", equalTo(nurse)).body("items[1].savedBy", equalTo(doctor));
        assertEquals(1, audit(versions, "note.versions", "success"));

        String awaiting = PatientApi.requestId();
        doctor().header("X-Request-Id", awaiting).get("/api/v1/notes?awaiting-signature=me").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].subjective", nullValue());
        assertEquals(1, audit(awaiting, "note.list", "success"));
        assertEquals(1, audit(awaiting));
        doctor().get("/api/v1/notes/awaiting-my-signature").then().statusCode(200).body("items.id", hasItem(id));
        doctor().get("/api/v1/notes/{id}/pdf", id).then().statusCode(409).contentType(PROBLEM_JSON);

        // signing: doctors only, recently signed in, current version
        String nurseSign = PatientApi.requestId();
        nurse().header("X-Request-Id", nurseSign).post("/api/v1/notes/{id}/sign", id).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "forbidden"));
        assertEquals(1, audit(nurseSign, "note.sign", "denied"));
        assertEquals(1, audit(nurseSign));
        String staleSign = PatientApi.requestId();
        List<String> challenges = doctorSignedInAgo(Duration.ofMinutes(6)).header("X-Request-Id", staleSign)
                .post("/api/v1/notes/{id}/sign", id)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "reauthentication-required"))
                .body("detail", containsString("Sign in again"))
                .extract().headers().getValues("WWW-Authenticate");
        // the step-up challenge only: a plain "Bearer" beside it would let a client retry with the same session
        assertEquals(1, challenges.size(), "exactly one challenge: " + challenges);
        assertTrue(challenges.get(0).contains("insufficient_user_authentication"), challenges.get(0));
        assertTrue(challenges.get(0).contains("max_age=300"), challenges.get(0));
        assertEquals(1, audit(staleSign, "note.sign", "denied"), "a signing attempt with an old sign-in is audited");
        doctor().header("If-Match", "\"0\"").post("/api/v1/notes/{id}/sign", id).then().statusCode(412);
        doctor().get("/api/v1/notes/{id}", id).then().statusCode(200).body("status", equalTo("draft"));

        String sign = PatientApi.requestId();
        doctorSignedInAgo(Duration.ofMinutes(2)).header("X-Request-Id", sign).header("If-Match", "\"1\"")
                .post("/api/v1/notes/{id}/sign", id).then().statusCode(200)
                .body("status", equalTo("signed")).body("signedBy", equalTo(doctor)).body("signedAt", not(nullValue()))
                .body("attestation", equalTo("clinician-authored"));
        assertEquals(1, audit(sign, "note.sign", "success"));
        assertEquals(1, audit(sign));

        // a signed note never changes
        doctor().header("If-Match", "\"2\"").body(soap()).put("/api/v1/notes/{id}", id).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "conflict"));
        doctor().post("/api/v1/notes/{id}/sign", id).then().statusCode(409);
        doctor().get("/api/v1/notes?awaiting-signature=me").then().statusCode(200).body("items.id", not(hasItem(id)));

        // corrections are signed addenda
        nurse().body(Map.of("text", "x")).post("/api/v1/notes/{id}/addenda", id).then().statusCode(403);
        doctorSignedInAgo(Duration.ofMinutes(30)).body(Map.of("text", "x")).post("/api/v1/notes/{id}/addenda", id)
                .then().statusCode(401).body("type", equalTo(PROBLEMS + "reauthentication-required"));
        doctor().body(Map.of("text", " ")).post("/api/v1/notes/{id}/addenda", id).then().statusCode(400);
        String addendum = PatientApi.requestId();
        doctor().header("X-Request-Id", addendum).body(Map.of("text", "CRP result 12 mg/l"))
                .post("/api/v1/notes/{id}/addenda", id).then().statusCode(201)
                .body("addenda", hasSize(1)).body("addenda[0].text", equalTo("CRP result 12 mg/l"))
                .body("addenda[0].signedBy", equalTo(doctor)).body("plan", equalTo("Fluids, rest, review in 3 days"));
        assertEquals(1, audit(addendum, "note.addendum", "success"));
        assertEquals(1, audit(addendum));

        as("admin").get("/api/v1/notes/{id}", id).then().statusCode(200).body("addenda", hasSize(1));
        String read = PatientApi.requestId();
        nurse().header("X-Request-Id", read).get("/api/v1/notes/{id}", id).then().statusCode(200)
                .header("ETag", "\"2\"").body("addenda", hasSize(1)).body("status", equalTo("signed"));
        assertEquals(1, audit(read, "note.read", "success"));

        String list = PatientApi.requestId();
        nurse().header("X-Request-Id", list).get("/api/v1/patients/{id}/notes", patientId).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].status", equalTo("signed"));
        assertEquals(1, audit(list, "note.list", "success"));

        String print = PatientApi.requestId();
        ExtractableResponse<Response> pdf = doctor().header("X-Request-Id", print).get("/api/v1/notes/{id}/pdf", id)
                .then().statusCode(200).contentType("application/pdf").extract();
        assertEquals(1, audit(print, "note.pdf", "success"));
        String text = NotePdfTest.text(pdf.asByteArray());
        String mrn = as("receptionist").get("/api/v1/patients/{id}", patientId).then().extract().path("mrn");
        for (String expected : List.of("Medi OS Clinic", mrn, "Subjective", "Cough for three days", "Objective",
                "Assessment", "Acute bronchitis", "Plan", "review in 3 days", "Signed by " + doctor, "clinician-authored",
                "Addenda", "CRP result 12 mg/l")) {
            assertTrue(text.contains(expected), () -> "PDF lacks " + expected);
        }
        assertEquals(1, notesOf(patientId));
        assertEquals(2, Databases.count(dataSource, "select count(*) from note_versions where note_id = '" + id + "'"));
    }

    private static Map<String, Object> withSigner(Map<String, Object> body, String signer) {
        body.put("signer", signer);
        return body;
    }

    @Test
    void onlyTheDesignatedSignerSignsUnlessTheNoteIsReassigned() {
        String[] visit = encounter();
        String colleague = "doctor." + UUID.randomUUID().toString().substring(0, 8);
        RequestSpecification other = PatientApi.asUser(colleague, List.of(department), "doctor");
        String id = draft(nurse(), visit[1], withSigner(soap(), doctor), 201).path("id");

        // another doctor of the same department, freshly signed in, may read but not sign a note addressed to the first
        String attempt = PatientApi.requestId();
        other.header("X-Request-Id", attempt).post("/api/v1/notes/{id}/sign", id).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "forbidden"))
                .body("detail", containsString("re-assigned"));
        assertEquals(1, audit(attempt, "note.sign", "denied"));
        doctor().get("/api/v1/notes/{id}", id).then().statusCode(200).body("status", equalTo("draft"))
                .body("signer", equalTo(doctor));

        // explicit re-assignment: a reason is required, the change is kept with it and audited
        PatientApi.asUser(colleague, List.of(department), "doctor").body(Map.of("signer", colleague))
                .put("/api/v1/notes/{id}/signer", id).then().statusCode(400).contentType(PROBLEM_JSON);
        PatientApi.asUser(colleague, List.of(department), "doctor").header("If-Match", "\"7\"")
                .body(Map.of("signer", colleague, "reason", "Dr. first is off duty"))
                .put("/api/v1/notes/{id}/signer", id).then().statusCode(412);
        String reassign = PatientApi.requestId();
        PatientApi.asUser(colleague, List.of(department), "doctor").header("X-Request-Id", reassign)
                .body(Map.of("signer", colleague, "reason", "Dr. first is off duty"))
                .put("/api/v1/notes/{id}/signer", id).then().statusCode(200)
                .body("signer", equalTo(colleague)).body("status", equalTo("draft"));
        assertEquals(1, audit(reassign, "note.reassign", "success"));
        assertEquals(1, Databases.count(dataSource, "select count(*) from note_signer_changes where note_id = '" + id
                + "' and previous_signer = '" + doctor + "' and new_signer = '" + colleague + "' and changed_by = '"
                + colleague + "' and reason = 'Dr. first is off duty'"));

        // now the first doctor is the one refused, and the colleague signs
        doctor().post("/api/v1/notes/{id}/sign", id).then().statusCode(403).contentType(PROBLEM_JSON);
        PatientApi.asUser(colleague, List.of(department), "doctor").post("/api/v1/notes/{id}/sign", id)
                .then().statusCode(200).body("status", equalTo("signed")).body("signedBy", equalTo(colleague));
        // a signed note keeps its signer; the front desk and outsiders cannot re-assign
        PatientApi.asUser(colleague, List.of(department), "doctor").body(Map.of("signer", doctor, "reason", "back"))
                .put("/api/v1/notes/{id}/signer", id).then().statusCode(409).contentType(PROBLEM_JSON);
        as("receptionist").body(Map.of("signer", doctor, "reason", "x")).put("/api/v1/notes/{id}/signer", id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        PatientApi.asUser("doctor.outside", List.of(UUID.randomUUID().toString()), "doctor")
                .body(Map.of("signer", "doctor.outside", "reason", "x")).put("/api/v1/notes/{id}/signer", id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body(Map.of("signer", doctor, "reason", "x"))
                .put("/api/v1/notes/{id}/signer", id).then().statusCode(401);
        doctor().body(Map.of("signer", doctor, "reason", "x")).put("/api/v1/notes/{id}/signer", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anAiDraftKeepsItsProvenanceAfterSigning() {
        String[] visit = encounter();
        Map<String, Object> body = soap();
        body.put("provenance", Map.of("aiGenerated", true, "model", "gemini-2.5-flash", "promptVersion", "scribe-v3",
                "sourceTranscriptId", "tr-42"));
        String id = draft(doctor(), visit[1], body, 201).path("id");
        doctor().get("/api/v1/notes/{id}", id).then().statusCode(200)
                .body("attestation", equalTo("AI draft, not yet reviewed and signed"))
                .body("signer", equalTo(doctor));
        doctor().post("/api/v1/notes/{id}/sign", id).then().statusCode(200)
                .body("attestation", equalTo("clinician-approved AI draft"))
                .body("provenance.aiGenerated", equalTo(true)).body("provenance.model", equalTo("gemini-2.5-flash"))
                .body("provenance.promptVersion", equalTo("scribe-v3")).body("provenance.sourceTranscriptId", equalTo("tr-42"));
        doctor().get("/api/v1/patients/{id}/notes", visit[0]).then().statusCode(200)
                .body("items[0].aiGenerated", equalTo(true)).body("items[0].attestation", equalTo("clinician-approved AI draft"));
    }

    @Test
    void invalidDraftsStoreNothing() {
        String[] visit = encounter();
        draft(nurse(), visit[1], Map.of("subjective", " "), 400).path("type");
        doctor().body(Map.of()).post("/api/v1/encounters/{id}/notes", visit[1]).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "validation"));
        Map<String, Object> unknownField = soap();
        unknownField.put("signedBy", "dr.evil");
        draft(doctor(), visit[1], unknownField, 400);
        Map<String, Object> incomplete = soap();
        incomplete.put("provenance", Map.of("aiGenerated", true, "model", "gemini"));
        draft(doctor(), visit[1], incomplete, 400).path("errors");
        Map<String, Object> tooLong = soap();
        tooLong.put("plan", "x".repeat(20_001));
        doctor().body(tooLong).post("/api/v1/encounters/{id}/notes", visit[1]).then().statusCode(400)
                .body("errors.field", contains("plan"));
        assertEquals(0, notesOf(visit[0]));
    }

    @Test
    void withoutATokenIs401() {
        String[] visit = encounter();
        given().contentType(ContentType.JSON).body(soap()).post("/api/v1/encounters/{id}/notes", visit[1])
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().get("/api/v1/notes/{id}", UUID.randomUUID()).then().statusCode(401);
        given().post("/api/v1/notes/{id}/sign", UUID.randomUUID()).then().statusCode(401);
        assertEquals(0, notesOf(visit[0]));
    }

    @Test
    void theFrontDeskAndOutsidersAreRefusedAndAudited() {
        String[] visit = encounter();
        String id = draft(doctor(), visit[1], soap(), 201).path("id");

        as("receptionist").body(soap()).post("/api/v1/encounters/{id}/notes", visit[1]).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        String desk = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", desk).get("/api/v1/notes/{id}", id).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        assertEquals(1, audit(desk, "note.read", "denied"));

        String outsiderName = "doctor.out" + UUID.randomUUID().toString().substring(0, 6);
        String otherDepartment = UUID.randomUUID().toString();
        java.util.function.Supplier<RequestSpecification> outsider = () -> PatientApi.asUser(outsiderName,
                List.of(otherDepartment), "doctor");
        String outside = PatientApi.requestId();
        outsider.get().header("X-Request-Id", outside).body(soap()).post("/api/v1/encounters/{id}/notes", visit[1])
                .then().statusCode(403);
        assertEquals(1, audit(outside, "note.create", "denied"));
        assertEquals(1, audit(outside));
        outsider.get().post("/api/v1/notes/{id}/sign", id).then().statusCode(403);
        outsider.get().get("/api/v1/notes/{id}/pdf", id).then().statusCode(403);
        outsider.get().get("/api/v1/patients/{id}/notes", visit[0]).then().statusCode(403);
        nurse().get("/api/v1/notes?awaiting-signature=me").then().statusCode(403);
        doctor().get("/api/v1/notes?awaiting-signature=someone").then().statusCode(400).contentType(PROBLEM_JSON);
        doctor().get("/api/v1/notes/{id}", id).then().statusCode(200).body("status", equalTo("draft"));
        assertEquals(1, notesOf(visit[0]));
    }

    @Test
    void unknownEncountersAndNotesAre404() {
        draft(doctor(), UUID.randomUUID().toString(), soap(), 404).path("type");
        doctor().get("/api/v1/notes/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "not-found"));
        doctor().header("If-Match", "\"0\"").body(soap()).put("/api/v1/notes/{id}", UUID.randomUUID()).then().statusCode(404);
        doctor().post("/api/v1/notes/{id}/sign", UUID.randomUUID()).then().statusCode(404);
        doctor().body(Map.of("text", "x")).post("/api/v1/notes/{id}/addenda", UUID.randomUUID()).then().statusCode(404);
        doctor().get("/api/v1/notes/{id}/pdf", UUID.randomUUID()).then().statusCode(404);
        doctor().get("/api/v1/notes/{id}/versions", UUID.randomUUID()).then().statusCode(404);
        doctor().get("/api/v1/patients/{id}/notes", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void ofConcurrentEditsOfOneVersionExactlyOneWins() throws Exception {
        String[] visit = encounter();
        String id = draft(doctor(), visit[1], soap(), 201).path("id");
        int writers = 6;
        List<Integer> statuses = Concurrently.run(writers, i -> {
            Map<String, Object> body = soap();
            body.put("plan", "plan " + i);
            return () -> doctor().header("If-Match", "\"0\"").body(body).put("/api/v1/notes/{id}", id).statusCode();
        });
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
        assertEquals(writers - 1, statuses.stream().filter(status -> status == 412).count(), statuses::toString);
        assertEquals(2, Databases.count(dataSource, "select count(*) from note_versions where note_id = '" + id + "'"));
    }

    @Test
    void theHistoryShowsNotesAndDocumentsNewestFirst() {
        String[] visit = encounter();
        String noteId = draft(doctor(), visit[1], soap(), 201).path("id");
        String documentId = doctor().contentType("application/pdf")
                .body(("%PDF-1.4\n% " + UUID.randomUUID() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .queryParam("title", "Lab result").queryParam("category", "lab-result")
                .post("/api/v1/patients/{id}/documents", visit[0]).then().statusCode(201).extract().path("id");

        doctor().get("/api/v1/patients/{id}/history", visit[0]).then().statusCode(200)
                .body("items.kind", contains("document", "note", "encounter"))
                .body("items.id", contains(documentId, noteId, visit[1]))
                .body("items[0].detail.title", equalTo("Lab result"))
                .body("items[1].detail.status", equalTo("draft"))
                .body("items[1].detail.subjective", nullValue());
        // page by page across kinds
        String next = doctor().queryParam("limit", 1).get("/api/v1/patients/{id}/history", visit[0]).then().statusCode(200)
                .body("items.id", contains(documentId)).extract().path("next");
        doctor().queryParam("limit", 1).queryParam("after", next).get("/api/v1/patients/{id}/history", visit[0])
                .then().statusCode(200).body("items.id", contains(noteId));
    }

    @Test
    void addendaNeedASignedNote() {
        String[] visit = encounter();
        String id = draft(doctor(), visit[1], soap(), 201).path("id");
        doctor().body(Map.of("text", "late result")).post("/api/v1/notes/{id}/addenda", id).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        assertEquals(0, Databases.count(dataSource, "select count(*) from note_addenda where note_id = '" + id + "'"));
    }

    @Test
    void noteEventsArePublishedKeyedByPatientWithoutText() {
        String[] visit = encounter();
        String id = draft(doctor(), visit[1], soap(), 201).path("id");
        doctor().post("/api/v1/notes/{id}/sign", id).then().statusCode(200);
        String addendumId = doctor().body(Map.of("text", "CRP result 12 mg/l")).post("/api/v1/notes/{id}/addenda", id)
                .then().statusCode(201).extract().path("addenda[0].id");

        List<ConsumerRecord<String, String>> events = TopicReader.awaitRecords(Topics.PATIENT_EVENTS,
                r -> id.equals(TopicReader.header(r, "ce_subject")), 3);
        assertEquals(List.of("medi.patient.note.drafted.v1", "medi.patient.note.signed.v1",
                "medi.patient.note.addendum-added.v1"), events.stream().map(e -> TopicReader.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(visit[0], event.key());
            EventSchemas.assertValid(Topics.PATIENT_EVENTS, event.value());
            assertFalse(event.value().contains("bronchitis") || event.value().contains("Cough")
                    || event.value().contains("CRP"), "no note text in events");
        }
        JsonObject drafted = new JsonObject(events.get(0).value());
        assertEquals("draft", drafted.getString("status"));
        assertEquals(visit[1], drafted.getString("encounterId"));
        assertEquals(doctor, drafted.getString("author"));
        JsonObject signed = new JsonObject(events.get(1).value());
        assertEquals("signed", signed.getString("status"));
        assertEquals(doctor, signed.getString("signedBy"));
        assertEquals(addendumId, new JsonObject(events.get(2).value()).getString("addendumId"));
    }
}

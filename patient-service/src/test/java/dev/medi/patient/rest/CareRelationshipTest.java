package dev.medi.patient.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.patient.PatientApi;
import dev.medi.patient.QueueEvents;
import dev.medi.patient.config.CareConfig;
import dev.medi.platform.events.EventTypes;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The care relationship (issue 11 item 1, ADR 0006): clinical staff see a patient while the patient is in their
 * department's queue or has an open encounter there, and for the follow-up period after a real visit; a check-in that
 * is cancelled leaves nothing. Queue events are published on the real topic as queue-service sends them.
 */
@QuarkusTest
class CareRelationshipTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    CareConfig care;

    private QueueEvents queue;
    /** The nurse's own department (GEN in the issue) and the patient's department (EMR). */
    private final UUID gen = UUID.randomUUID();
    private final UUID emr = UUID.randomUUID();
    private final String genNurse = "nurse.gen." + UUID.randomUUID().toString().substring(0, 8);
    private final String emrDoctor = "doctor.emr." + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void producer() {
        queue = new QueueEvents(json);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private RequestSpecification genNurse() {
        return PatientApi.asUser(genNurse, List.of(gen.toString()), "nurse");
    }

    private RequestSpecification emrDoctor() {
        return PatientApi.asUser(emrDoctor, List.of(emr.toString()), "doctor");
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    /** Sends the event and waits until the consumer has applied it. */
    private void apply(String type, QueueEntrySnapshot entry) {
        awaitApplied(queue.send(type, entry, null));
    }

    private void awaitApplied(String eventId) {
        await().atMost(WAIT).until(() -> count("select count(*) from medi_inbox where event_id = '" + eventId + "'") == 1);
    }

    /** A patient of EMR with an open encounter there, a note and a document: what a GEN nurse must not read. */
    private record EmrPatient(String id, String family, String noteId, String documentId) {
    }

    private EmrPatient emrPatient() {
        Map<String, Object> person = PatientApi.person();
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        String patientId = PatientApi.register(person);
        PatientApi.linkToDepartment(dataSource, patientId, emr.toString());
        UUID encounterId = UUID.randomUUID();
        PatientApi.execute(dataSource, "insert into encounters (id, patient_id, department_id, status, started_at, source, "
                        + "opened_by, created_at, updated_at) values (?, ?, ?, 'in-progress', now(), 'direct', 'test', now(), now())",
                encounterId, UUID.fromString(patientId), emr);
        Map<String, Object> soap = new HashMap<>(Map.of("subjective", "Chest pain", "assessment", "Angina"));
        String noteId = emrDoctor().body(soap).post("/api/v1/encounters/{id}/notes", encounterId)
                .then().statusCode(201).extract().path("id");
        String documentId = emrDoctor().contentType("application/pdf")
                .body(("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII))
                .queryParam("title", "ECG").queryParam("category", "lab-result").queryParam("fileName", "ecg.pdf")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(201).extract().path("id");
        return new EmrPatient(patientId, family, noteId, documentId);
    }

    /** Everything the issue read after the cancelled check-in: record, notes, a note, documents, a file, export, history. */
    private void genNurseIsRefusedEverything(String patientId, String noteId, String documentId, String family) {
        genNurse().get("/api/v1/patients/{id}", patientId).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        genNurse().get("/api/v1/patients/{id}/notes", patientId).then().statusCode(403).contentType(PROBLEM_JSON);
        genNurse().get("/api/v1/patients/{id}/documents", patientId).then().statusCode(403).contentType(PROBLEM_JSON);
        genNurse().get("/api/v1/patients/{id}/export", patientId).then().statusCode(403).contentType(PROBLEM_JSON);
        genNurse().get("/api/v1/patients/{id}/history", patientId).then().statusCode(403).contentType(PROBLEM_JSON);
        genNurse().get("/api/v1/patients/{id}/encounters", patientId).then().statusCode(403).contentType(PROBLEM_JSON);
        genNurse().get("/fhir/r4/Patient/{id}/$everything", patientId).then().statusCode(403);
        if (noteId != null) {
            genNurse().get("/api/v1/notes/{id}", noteId).then().statusCode(403).contentType(PROBLEM_JSON);
        }
        if (documentId != null) {
            genNurse().get("/api/v1/documents/{id}/content", documentId).then().statusCode(403).contentType(PROBLEM_JSON);
        }
        genNurse().queryParam("q", family).get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
        genNurse().queryParam("family", family).get("/fhir/r4/Patient").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCheckInToTheNursesOwnDepartmentThenACancelEndsIn403() {
        EmrPatient patient = emrPatient();
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());

        // the sequence of the issue: check in to GEN, cancel at once, read
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));
        apply(EventTypes.QUEUE_ENTRY_CANCELLED, entry.snapshot(QueueStatuses.CANCELLED, null, null));

        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
        // EMR keeps its own access
        emrDoctor().get("/api/v1/notes/{id}", patient.noteId()).then().statusCode(200);
    }

    @Test
    void aPatientOfNoDepartmentLikewise() {
        Map<String, Object> person = PatientApi.person();
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        String patientId = PatientApi.register(person);
        genNurseIsRefusedEverything(patientId, null, null, family);

        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patientId);
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));
        apply(EventTypes.QUEUE_ENTRY_CANCELLED, entry.snapshot(QueueStatuses.CANCELLED, null, null));

        genNurseIsRefusedEverything(patientId, null, null, family);
    }

    @Test
    void anActiveEntryGrantsAccessWithTheEntryAsAuditedBasis() {
        EmrPatient patient = emrPatient();
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));

        // the check-in itself is audited as an access to the patient, with the entry as its basis; this event names
        // no user (as events published before the field existed): the consumer is the actor
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient.id()
                + "' and action = 'patient.check-in' and actor = 'queue-service' and outcome = 'success'"
                + " and access_basis = 'queue-entry' and access_basis_ref = '" + entry.id() + "'"));

        String read = PatientApi.requestId();
        genNurse().header("X-Request-Id", read).get("/api/v1/notes/{id}", patient.noteId()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + read + "' and action = 'note.read'"
                + " and outcome = 'success' and access_basis = 'queue-entry' and access_basis_ref = '" + entry.id() + "'"));

        String search = PatientApi.requestId();
        genNurse().header("X-Request-Id", search).queryParam("q", patient.family()).get("/api/v1/patients")
                .then().statusCode(200).body("items.size()", equalTo(1));
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + search + "' and action = 'patient.search'"
                + " and access_basis = 'queue-entry' and access_basis_ref = '" + entry.id() + "'"));

        // triage, call: still in the queue
        apply(EventTypes.QUEUE_ENTRY_TRIAGED, entry.snapshot(QueueStatuses.TRIAGED, null, null));
        genNurse().get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        // left before anyone saw the patient: no visit, no follow-up
        apply(EventTypes.QUEUE_ENTRY_LEFT_WITHOUT_BEING_SEEN, entry.snapshot(QueueStatuses.LEFT_WITHOUT_BEING_SEEN, null, null));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
    }

    @Test
    void aCheckInIsAuditedInTheNameOfTheUserWhoMadeIt() {
        EmrPatient patient = emrPatient();
        String desk = "reception.gen." + UUID.randomUUID().toString().substring(0, 8);
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        QueueEventActor receptionist = new QueueEventActor(UUID.randomUUID().toString(), desk, List.of("receptionist"));
        awaitApplied(queue.sendAs(receptionist, EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null)));

        // the person and their role, as for any other access, with the entry as the basis
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient.id()
                + "' and action = 'patient.check-in' and actor = '" + desk + "' and actor_roles = '{receptionist}'"
                + " and outcome = 'success' and access_basis = 'queue-entry' and access_basis_ref = '" + entry.id() + "'"));
        assertEquals(0, count("select count(*) from audit_log where patient_id = '" + patient.id()
                + "' and action = 'patient.check-in' and actor = 'queue-service'"));
        ConsumerRecord<String, String> published = TopicReader.awaitOne(Topics.AUDIT, record -> patient.id().equals(record.key())
                && "patient.check-in".equals(new JsonObject(record.value()).getString("action")));
        assertEquals(desk, new JsonObject(published.value()).getString("actor"));
        assertEquals(List.of("receptionist"), new JsonObject(published.value()).getJsonArray("actorRoles").getList());

        // a transfer in is audited in the name of whoever transferred the patient
        String nurse = "nurse.gen." + UUID.randomUUID().toString().substring(0, 8);
        UUID cardiology = UUID.randomUUID();
        QueueEventActor transferring = new QueueEventActor(UUID.randomUUID().toString(), nurse, List.of("nurse"));
        awaitApplied(queue.sendAs(transferring, EventTypes.QUEUE_ENTRY_TRANSFERRED, entry.snapshot(QueueStatuses.TRANSFERRED, null, null)));
        QueueEvents.Entry continued = new QueueEvents.Entry(UUID.randomUUID(), cardiology, entry.patientId(), entry.complaint());
        awaitApplied(queue.sendAs(transferring, EventTypes.QUEUE_ENTRY_TRANSFERRED_IN, continued.snapshot(QueueStatuses.ARRIVED, null, null)));
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient.id()
                + "' and action = 'patient.check-in' and actor = '" + nurse + "' and actor_roles = '{nurse}'"
                + " and access_basis_ref = '" + continued.id() + "'"));
    }

    @Test
    void aFinishedVisitGrantsFollowUpWithinTheWindowAndNotAfter() {
        EmrPatient patient = emrPatient();
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        UUID doctor = UUID.randomUUID();
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));
        apply(EventTypes.QUEUE_ENTRY_CALLED, entry.snapshot(QueueStatuses.CALLED, doctor, "Room 2"));
        apply(EventTypes.QUEUE_ENTRY_CONSULTATION_STARTED, entry.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "Room 2"));
        apply(EventTypes.QUEUE_ENTRY_FINISHED, entry.snapshot(QueueStatuses.FINISHED, doctor, "Room 2"));
        String encounter = PatientApi.asUser("admin.care", List.of(), "admin")
                .get("/api/v1/patients/{id}/encounters", patient.id()).then().statusCode(200)
                .extract().path("items.find { it.queueEntryId == '" + entry.id() + "' }.id");
        assertEquals(1, count("select count(*) from encounters where id = '" + encounter + "' and status = 'finished'"));

        // the visit ended just now: notes and results for the follow-up period, audited as such
        String read = PatientApi.requestId();
        genNurse().header("X-Request-Id", read).get("/api/v1/patients/{id}/documents", patient.id()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + read + "' and access_basis = 'follow-up'"
                + " and access_basis_ref = '" + encounter + "'"));

        // the same visit, ended a little less than the follow-up period ago: still
        endEncounterAgo(encounter, care.followUp().minusMinutes(5));
        genNurse().get("/api/v1/notes/{id}", patient.noteId()).then().statusCode(200);

        // ... and a little more: gone, everywhere
        endEncounterAgo(encounter, care.followUp().plusMinutes(5));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
    }

    private void endEncounterAgo(String encounter, Duration ago) {
        Instant end = Instant.now().minus(ago);
        PatientApi.execute(dataSource, "update encounters set started_at = ?, ended_at = ? where id = ?",
                Timestamp.from(end.minus(Duration.ofHours(1))), Timestamp.from(end), UUID.fromString(encounter));
    }

    @Test
    void aNoShowOrCancelledEncounterLeavesNoFollowUp() {
        EmrPatient patient = emrPatient();
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        UUID doctor = UUID.randomUUID();
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));
        // an encounter opened directly by the nurse while the patient waits, then closed as a mistake
        String encounter = genNurse().body(Map.of("departmentId", gen.toString()))
                .post("/api/v1/patients/{id}/encounters", patient.id()).then().statusCode(201).extract().path("id");
        genNurse().body(Map.of("outcome", "cancelled")).post("/api/v1/encounters/{id}/close", encounter)
                .then().statusCode(200);
        apply(EventTypes.QUEUE_ENTRY_CALLED, entry.snapshot(QueueStatuses.CALLED, doctor, "Room 2"));
        apply(EventTypes.QUEUE_ENTRY_NO_SHOW, entry.snapshot(QueueStatuses.NO_SHOW, doctor, "Room 2"));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
    }

    @Test
    void aTransferHandsTheCareOverAndKeepsFollowUpOnlyAfterAConsultation() {
        EmrPatient patient = emrPatient();
        UUID cardiology = UUID.randomUUID();
        RequestSpecification cardiologyNurse = PatientApi.asUser("nurse.card", List.of(cardiology.toString()), "nurse");

        // transferred from the waiting room: nothing stays with GEN, cardiology takes over
        QueueEvents.Entry waiting = QueueEvents.Entry.of(gen, patient.id());
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, waiting.snapshot(QueueStatuses.ARRIVED, null, null));
        apply(EventTypes.QUEUE_ENTRY_TRANSFERRED, waiting.snapshot(QueueStatuses.TRANSFERRED, null, null));
        QueueEvents.Entry continued = new QueueEvents.Entry(UUID.randomUUID(), cardiology, waiting.patientId(), waiting.complaint());
        apply(EventTypes.QUEUE_ENTRY_TRANSFERRED_IN, continued.snapshot(QueueStatuses.ARRIVED, null, null));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
        cardiologyNurse.get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient.id()
                + "' and action = 'patient.check-in' and access_basis_ref = '" + continued.id() + "'"));

        // seen in GEN, then transferred: GEN keeps the follow-up period for its notes
        QueueEvents.Entry seen = QueueEvents.Entry.of(gen, patient.id());
        UUID doctor = UUID.randomUUID();
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, seen.snapshot(QueueStatuses.ARRIVED, null, null));
        apply(EventTypes.QUEUE_ENTRY_CONSULTATION_STARTED, seen.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "3"));
        apply(EventTypes.QUEUE_ENTRY_TRANSFERRED, seen.snapshot(QueueStatuses.TRANSFERRED, doctor, null));
        String read = PatientApi.requestId();
        genNurse().header("X-Request-Id", read).get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + read + "' and access_basis = 'follow-up'"));
    }

    @Test
    void lateAndRedeliveredEventsNeverReopenAnEndedEntry() {
        EmrPatient patient = emrPatient();
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, patient.id());
        QueueEntrySnapshot arrived = entry.snapshot(QueueStatuses.ARRIVED, null, null);
        QueueEntrySnapshot triaged = entry.snapshot(QueueStatuses.TRIAGED, null, null);
        QueueEntrySnapshot cancelled = entry.snapshot(QueueStatuses.CANCELLED, null, null);
        String checkIn = queue.send(EventTypes.QUEUE_ENTRY_CHECKED_IN, arrived, null);
        apply(EventTypes.QUEUE_ENTRY_CANCELLED, cancelled);
        // the triage event arrives after the cancel (replayed from a dead-letter topic, say): older, ignored
        apply(EventTypes.QUEUE_ENTRY_TRIAGED, triaged);
        // the check-in redelivered with its id: a duplicate
        queue.send(checkIn, EventTypes.QUEUE_ENTRY_CHECKED_IN, arrived, null);
        // and republished under a new id (an outbox batch sent twice): older than the cancel, ignored
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, arrived);
        assertEquals(1, count("select count(*) from patient_queue_entries where entry_id = '" + entry.id()
                + "' and status = 'CANCELLED' and ended_at is not null"));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());

        // a new check-in is a new entry: access again while it lasts, and not after
        QueueEvents.Entry again = QueueEvents.Entry.of(gen, patient.id());
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, again.snapshot(QueueStatuses.ARRIVED, null, null));
        genNurse().get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        apply(EventTypes.QUEUE_ENTRY_CANCELLED, again.snapshot(QueueStatuses.CANCELLED, null, null));
        genNurseIsRefusedEverything(patient.id(), patient.noteId(), patient.documentId(), patient.family());
    }

    @Test
    void aCheckInOfAnUnknownPatientLeavesNothing() {
        UUID unknown = UUID.randomUUID();
        QueueEvents.Entry entry = QueueEvents.Entry.of(gen, unknown.toString());
        apply(EventTypes.QUEUE_ENTRY_CHECKED_IN, entry.snapshot(QueueStatuses.ARRIVED, null, null));
        assertEquals(0, count("select count(*) from patient_queue_entries where patient_id = '" + unknown + "'"));
        assertEquals(0, count("select count(*) from audit_log where patient_id = '" + unknown + "'"));
        genNurse().get("/api/v1/patients/{id}", unknown).then().statusCode(404);
    }

    @Test
    void anOpenEncounterGrantsAccessWhileOpenAndFollowUpAfter() {
        EmrPatient patient = emrPatient();
        // EMR's queue entry has ended; its encounter is still open
        PatientApi.execute(dataSource, "update patient_queue_entries set ended_at = now(), status = 'FINISHED' where patient_id = ?",
                UUID.fromString(patient.id()));
        String read = PatientApi.requestId();
        emrDoctor().header("X-Request-Id", read).get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + read + "' and access_basis = 'encounter'"),
                "the open encounter (inserted by emrPatient) is the basis");
        PatientApi.execute(dataSource, "update encounters set status = 'finished', outcome = 'completed', ended_at = now() "
                + "where patient_id = ?", UUID.fromString(patient.id()));
        String after = PatientApi.requestId();
        emrDoctor().header("X-Request-Id", after).get("/api/v1/patients/{id}", patient.id()).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where request_id = '" + after + "' and access_basis = 'follow-up'"));
        PatientApi.execute(dataSource, "update encounters set started_at = now() - interval '3 days', ended_at = now() - interval '2 days' "
                + "where patient_id = ?", UUID.fromString(patient.id()));
        emrDoctor().get("/api/v1/patients/{id}", patient.id()).then().statusCode(403).contentType(PROBLEM_JSON);
        given().get("/api/v1/patients/{id}", patient.id()).then().statusCode(401);
    }
}

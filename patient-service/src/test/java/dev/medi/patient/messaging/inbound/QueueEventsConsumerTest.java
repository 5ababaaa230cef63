package dev.medi.patient.messaging.inbound;

import dev.medi.platform.events.PatientEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.patient.PatientApi;
import dev.medi.patient.QueueEventSender;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Queue events published on the real medi.queue.events.v1 topic, as queue-service sends them, and what the
 * consumer makes of them: department links, encounters, triage vitals; redeliveries change nothing; unreadable
 * events go to the dead-letter topic without holding the partition.
 */
@QuarkusTest
class QueueEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private QueueEventSender queue;
    private final UUID department = UUID.randomUUID();

    @BeforeEach
    void producer() {
        queue = new QueueEventSender(json);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    private static String adult() {
        return PatientApi.register(PatientApi.person(PatientApi.uniqueName(),
                LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000)), "Kim"));
    }

    private void awaitLinked(String patientId) {
        await().atMost(WAIT).until(() -> count("select count(*) from patient_queue_entries where patient_id = '"
                + patientId + "' and department_id = '" + department + "' and ended_at is null") > 0);
    }

    @Test
    void aQueueVisitBecomesLinkVitalsAndAnEncounter() {
        String patient = adult();
        QueueEventSender.Entry entry = QueueEventSender.Entry.of(department, patient);
        UUID doctor = UUID.randomUUID();
        String nurse = "nurse." + UUID.randomUUID().toString().substring(0, 8);

        // before any event, the department's nurse cannot see the patient
        PatientApi.asUser(nurse, List.of(department.toString()), "nurse").get("/api/v1/patients/{id}", patient)
                .then().statusCode(403);

        queue.send(QueueEvents.CHECKED_IN.type(), entry.snapshot(QueueStatuses.ARRIVED, null, null), null);
        awaitLinked(patient);
        PatientApi.asUser(nurse, List.of(department.toString()), "nurse").get("/api/v1/patients/{id}", patient)
                .then().statusCode(200);

        Instant triagedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        queue.send(QueueEvents.TRIAGED.type(), entry.snapshot(QueueStatuses.TRIAGED, null, null),
                QueueEventSender.triage(triagedAt));
        await().atMost(WAIT).until(() -> count("select count(*) from observations where patient_id = '" + patient + "'") == 8);
        assertEquals(8, count("select count(*) from observations where patient_id = '" + patient
                + "' and source = 'triage' and recorded_by = 'nurse.triage' and queue_entry_id = '" + entry.id() + "'"));
        assertEquals(1, count("select count(distinct set_id) from observations where patient_id = '" + patient + "'"));
        assertEquals(1, count("select count(*) from observations where patient_id = '" + patient
                + "' and code = '8867-4' and value_quantity = 118 and unit = '/min' and interpretation = 'H'"),
                "118/min is high for an adult (NEWS2)");
        assertEquals(1, count("select count(*) from observations where patient_id = '" + patient
                + "' and code = '67775-7' and value_code = 'A' and interpretation = 'N'"));

        queue.send(QueueEvents.CALLED.type(), entry.snapshot(QueueStatuses.CALLED, doctor, "Room 4"), null);
        queue.send(QueueEvents.CONSULTATION_STARTED.type(),
                entry.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "Room 4"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + entry.id()
                + "' and status = 'in-progress'") == 1);
        assertEquals(1, count("select count(*) from encounters where queue_entry_id = '" + entry.id() + "' and patient_id = '"
                + patient + "' and department_id = '" + department + "' and attending = '" + doctor
                + "' and room = 'Room 4' and reason = 'chest pain since this morning' and source = 'queue'"));

        queue.send(QueueEvents.FINISHED.type(), entry.snapshot(QueueStatuses.FINISHED, doctor, "Room 4"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + entry.id()
                + "' and status = 'finished' and outcome = 'completed' and ended_at is not null") == 1);

        String encounterId = PatientApi.asUser(nurse, List.of(department.toString()), "nurse")
                .get("/api/v1/patients/{id}/encounters", patient).then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items[0].id");

        // written with the consumer as the actor, announced on the patient topic
        assertEquals(3, count("select count(*) from audit_log where patient_id = '" + patient + "' and actor = 'queue-service'"
                + " and access_basis = 'event' and action in ('observation.create', 'encounter.open', 'encounter.close')"));
        List<ConsumerRecord<String, String>> events = TopicReader.awaitRecords(Topics.PATIENT_EVENTS,
                record -> patient.equals(record.key()) && !"medi.patient.patient.registered.v1".equals(TopicReader.header(record, "ce_type")), 3);
        assertEquals(List.of(PatientEvents.OBSERVATION_RECORDED.type(), PatientEvents.ENCOUNTER_OPENED.type(),
                PatientEvents.ENCOUNTER_CLOSED.type()), events.stream().map(e -> TopicReader.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(Topics.PATIENT_EVENTS, event.value());
            assertFalse(event.value().contains("chest pain"), "no clinical text in events");
        }
        assertEquals(encounterId, new JsonObject(events.get(2).value()).getString("encounterId"));
        assertEquals("completed", new JsonObject(events.get(2).value()).getString("outcome"));
    }

    @Test
    void aTransferClosesTheEncounterAndLinksTheNewDepartment() {
        String patient = adult();
        QueueEventSender.Entry entry = QueueEventSender.Entry.of(department, patient);
        UUID doctor = UUID.randomUUID();
        queue.send(QueueEvents.CONSULTATION_STARTED.type(), entry.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "5"), null);
        queue.send(QueueEvents.TRANSFERRED.type(), entry.snapshot(QueueStatuses.TRANSFERRED, doctor, null), null);
        UUID cardiology = UUID.randomUUID();
        QueueEventSender.Entry continued = new QueueEventSender.Entry(UUID.randomUUID(), cardiology, entry.patientId(), entry.complaint());
        queue.send(QueueEvents.TRANSFERRED_IN.type(), continued.snapshot(QueueStatuses.TRIAGED, null, null), null);
        await().atMost(WAIT).until(() -> count("select count(*) from patient_queue_entries where patient_id = '"
                + patient + "' and department_id = '" + cardiology + "' and ended_at is null") == 1);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + entry.id()
                + "' and status = 'finished' and outcome = 'transferred'") == 1);
        assertEquals(0, count("select count(*) from encounters where queue_entry_id = '" + continued.id() + "'"));
    }

    @Test
    void anEncounterClosedByTheDoctorStaysAsClosed() {
        String patient = adult();
        QueueEventSender.Entry entry = QueueEventSender.Entry.of(department, patient);
        UUID doctor = UUID.randomUUID();
        queue.send(QueueEvents.CONSULTATION_STARTED.type(), entry.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "5"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + entry.id() + "'") == 1);
        String encounter = PatientApi.asUser("doctor.q", List.of(department.toString()), "doctor")
                .get("/api/v1/patients/{id}/encounters", patient).then().statusCode(200).extract().path("items[0].id");
        PatientApi.asUser("doctor.q", List.of(department.toString()), "doctor").body(java.util.Map.of("outcome", "admitted"))
                .post("/api/v1/encounters/{id}/close", encounter).then().statusCode(200);
        String finished = queue.send(QueueEvents.FINISHED.type(), entry.snapshot(QueueStatuses.FINISHED, doctor, "5"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from medi_inbox where event_id = '" + finished + "'") == 1);
        assertEquals(1, count("select count(*) from encounters where id = '" + encounter
                + "' and outcome = 'admitted' and closed_by = 'doctor.q'"));
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        String patient = adult();
        QueueEventSender.Entry entry = QueueEventSender.Entry.of(department, patient);
        UUID doctor = UUID.randomUUID();
        String triageId = UUID.randomUUID().toString();
        String consultationId = UUID.randomUUID().toString();
        var triage = QueueEventSender.triage(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        for (int i = 0; i < 2; i++) {
            queue.send(triageId, QueueEvents.TRIAGED.type(), entry.snapshot(QueueStatuses.TRIAGED, null, null), triage);
            queue.send(consultationId, QueueEvents.CONSULTATION_STARTED.type(),
                    entry.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "2"), null);
        }
        // a later event of the same department (same partition) marks that both copies were consumed
        String marker = adult();
        queue.send(QueueEvents.CHECKED_IN.type(), QueueEventSender.Entry.of(department, marker)
                .snapshot(QueueStatuses.ARRIVED, null, null), null);
        awaitLinked(marker);

        assertEquals(1, count("select count(*) from encounters where queue_entry_id = '" + entry.id() + "'"));
        assertEquals(8, count("select count(*) from observations where patient_id = '" + patient + "'"));
        assertEquals(2, count("select count(*) from medi_inbox where event_id in ('" + triageId + "', '"
                + consultationId + "')"));
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient + "' and action = 'encounter.open'"));
    }

    /** A walk-in registered afterwards: from the link on, the entry is the patient's, as if checked in with the id. */
    @Test
    void aWalkInLinkedToItsPatientGetsTheEncounterOfItsEntry() {
        String patient = adult();
        UUID doctor = UUID.randomUUID();
        // linked while in consultation: the link opens the encounter the consultation's start could not
        QueueEventSender.Entry inRoom = QueueEventSender.Entry.of(department, null);
        queue.send(QueueEvents.CONSULTATION_STARTED.type(), inRoom.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "3"), null);
        QueueEventSender.Entry linked = new QueueEventSender.Entry(inRoom.id(), department, UUID.fromString(patient),
                inRoom.complaint());
        String link = queue.send(QueueEvents.PATIENT_LINKED.type(), linked.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "3"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + inRoom.id()
                + "' and patient_id = '" + patient + "' and status = 'in-progress' and source = 'queue'") == 1);
        awaitLinked(patient);
        assertEquals(1, count("select count(*) from audit_log where patient_id = '" + patient
                + "' and action = 'patient.check-in' and access_basis = 'queue-entry' and access_basis_ref = '" + inRoom.id() + "'"));

        // redelivered, and sent again under another id: still one encounter for the entry
        queue.send(link, QueueEvents.PATIENT_LINKED.type(), linked.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "3"), null);
        String again = queue.send(QueueEvents.PATIENT_LINKED.type(), linked.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "3"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from medi_inbox where event_id = '" + again + "'") == 1);
        assertEquals(1, count("select count(*) from encounters where queue_entry_id = '" + inRoom.id() + "'"));

        // linked while waiting: the consultation's start, now carrying the patient, opens it
        String second = adult();
        QueueEventSender.Entry waiting = new QueueEventSender.Entry(UUID.randomUUID(), department, UUID.fromString(second),
                "fell off a bike");
        queue.send(QueueEvents.PATIENT_LINKED.type(), waiting.snapshot(QueueStatuses.ARRIVED, null, null), null);
        awaitLinked(second);
        assertEquals(0, count("select count(*) from encounters where queue_entry_id = '" + waiting.id() + "'"));
        queue.send(QueueEvents.CONSULTATION_STARTED.type(), waiting.snapshot(QueueStatuses.IN_CONSULTATION, doctor, "1"), null);
        await().atMost(WAIT).until(() -> count("select count(*) from encounters where queue_entry_id = '" + waiting.id()
                + "' and patient_id = '" + second + "'") == 1);
    }

    @Test
    void unregisteredArrivalsAreSkipped() {
        QueueEventSender.Entry walkIn = QueueEventSender.Entry.of(department, null);
        String id = queue.send(QueueEvents.CONSULTATION_STARTED.type(),
                walkIn.snapshot(QueueStatuses.IN_CONSULTATION, UUID.randomUUID(), "1"), null);
        // Keyed by department, so the next event is consumed after the walk-in's: once it shows, the walk-in was seen.
        String patient = adult();
        queue.send(QueueEvents.CHECKED_IN.type(), QueueEventSender.Entry.of(department, patient)
                .snapshot(QueueStatuses.ARRIVED, null, null), null);
        awaitLinked(patient);
        assertEquals(0, count("select count(*) from encounters where queue_entry_id = '" + walkIn.id() + "'"));
        // Nothing was recorded, so there is nothing to deduplicate: no transaction, no inbox row.
        assertEquals(0, count("select count(*) from medi_inbox where event_id = '" + id + "'"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String poison = "not json " + UUID.randomUUID();
        String poisonId = queue.sendRaw(UUID.randomUUID().toString(), QueueEvents.CHECKED_IN.type(), department, poison);
        String incomplete = "{\"departmentId\":\"" + department + "\",\"sequence\":1,\"entry\":{\"ticket\":\"X-" + UUID.randomUUID() + "\"}}";
        queue.sendRaw(UUID.randomUUID().toString(), QueueEvents.CHECKED_IN.type(), department, incomplete);
        String patient = adult();
        queue.send(QueueEvents.CHECKED_IN.type(), QueueEventSender.Entry.of(department, patient)
                .snapshot(QueueStatuses.ARRIVED, null, null), null);
        awaitLinked(patient);

        ConsumerRecord<String, String> dead = TopicReader.awaitOne(Topics.deadLetter(Topics.QUEUE_EVENTS),
                record -> poison.equals(record.value()));
        assertEquals(department.toString(), dead.key());
        TopicReader.awaitOne(Topics.deadLetter(Topics.QUEUE_EVENTS), record -> incomplete.equals(record.value()));
        assertEquals(0, count("select count(*) from medi_inbox where event_id = '" + poisonId + "'"));
    }
}

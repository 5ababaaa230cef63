package dev.medi.patient.messaging.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.patient.PatientApi;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.events.ScribeJobEventData;
import dev.medi.platform.events.ScribeJobEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scribe job events on the real medi.ai.events.v1 topic, as ai-service's outbox relay publishes them, and what
 * patient-service makes of them: a succeeded job becomes exactly one draft note with AI provenance and evidence,
 * authored by and addressed to the requesting doctor, never signed; other states and redeliveries change nothing.
 */
@QuarkusTest
class AiEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private KafkaProducer<String, String> producer;
    private final String department = UUID.randomUUID().toString();
    private final String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private String[] encounter() {
        String patientId = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patientId, department);
        UUID encounterId = UUID.randomUUID();
        PatientApi.execute(dataSource, "insert into encounters (id, patient_id, department_id, status, started_at, source, "
                        + "opened_by, created_at, updated_at) values (?, ?, ?, 'in-progress', now(), 'direct', 'test', now(), now())",
                encounterId, UUID.fromString(patientId), UUID.fromString(department));
        return new String[]{patientId, encounterId.toString()};
    }

    private ScribeJobEventData job(String state, UUID jobId, UUID noteId, String[] visit) {
        Instant now = Instant.now();
        ScribeJobEventData.Draft draft = !"succeeded".equals(state) ? null : new ScribeJobEventData.Draft(
                "Cough for five days with fever of 38.5 degrees. No chest pain.", "Lungs clear, saturation 97 percent.",
                "Acute viral bronchitis.", "Paracetamol 1000 mg up to four times a day.", List.of(
                new ScribeJobEventData.Sentence("subjective", "Cough for five days with fever of 38.5 degrees.",
                        List.of("s2"), List.of(new ScribeJobEventData.Span("s2", "Patient", 4.0,
                        "I have had a cough for five days and a fever of 38.5 degrees.")), true, 0.82, List.of()),
                new ScribeJobEventData.Sentence("subjective", "No chest pain.", List.of("s4"),
                        List.of(new ScribeJobEventData.Span("s4", "Patient", null, "No, no chest pain at all.")),
                        true, 0.74, List.of()),
                new ScribeJobEventData.Sentence("objective", "Lungs clear, saturation 97 percent.", List.of("s5"),
                        List.of(new ScribeJobEventData.Span("s5", "Doctor", null,
                                "Your lungs sound clear and your oxygen saturation is 97 percent.")), true, 0.8,
                        List.of()),
                new ScribeJobEventData.Sentence("assessment", "Acute viral bronchitis.", List.of("s6"),
                        List.of(new ScribeJobEventData.Span("s6", "Doctor", null, "This looks like acute viral bronchitis.")),
                        true, 0.7, List.of()),
                new ScribeJobEventData.Sentence("plan", "Paracetamol 1000 mg up to four times a day.", List.of("s7"),
                        List.of(new ScribeJobEventData.Span("s7", "Doctor", null,
                                "Take paracetamol 500 mg up to four times a day.")), false, 0.77,
                        List.of("the dose 1000 mg is not in the cited transcript"))));
        return new ScribeJobEventData(jobId, UUID.fromString(visit[1]), UUID.fromString(visit[0]),
                UUID.fromString(department), doctor, UUID.randomUUID().toString(), state, "offline", "extractive-minilm",
                "scribe-v1", null, 0, 0, now, now, "succeeded".equals(state) ? now : null, null,
                "succeeded".equals(state) ? noteId : null, draft);
    }

    /** Sends one event as ai-service's relay does (binary CloudEvent) and waits for the broker's ack. */
    private void send(String eventId, ScribeJobEventData data) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AI_EVENTS, data.jobId().toString(),
                json.writeValueAsString(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", ScribeJobEvents.forState(data.state()).type());
        header(record, "ce_source", EventSources.AI_SERVICE);
        header(record, "ce_subject", data.jobId().toString());
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record).get();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private long notesOf(UUID jobId) {
        return Databases.count(dataSource, "select count(*) from clinical_notes where ai_job_id = '" + jobId + "'");
    }

    @Test
    void aSucceededJobBecomesOneDraftNoteWithItsEvidenceAndRedeliveriesChangeNothing() throws Exception {
        String[] visit = encounter();
        UUID jobId = UUID.randomUUID();
        UUID noteId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), job("queued", jobId, noteId, visit));
        send(UUID.randomUUID().toString(), job("running", jobId, noteId, visit));
        String eventId = UUID.randomUUID().toString();
        ScribeJobEventData succeeded = job("succeeded", jobId, noteId, visit);
        send(eventId, succeeded);
        await().atMost(WAIT).until(() -> notesOf(jobId) == 1);
        // the same event again (a redelivery), and the same job under a new event id (a republish): still one note
        send(eventId, succeeded);
        send(UUID.randomUUID().toString(), succeeded);
        await().atMost(WAIT).until(() -> Databases.count(dataSource, "select count(*) from medi_inbox where event_id = '"
                + eventId + "'") == 1);
        // a marker event after the duplicates: once its note exists, the duplicates before it were processed
        String[] later = encounter();
        UUID markerJob = UUID.randomUUID();
        send(UUID.randomUUID().toString(), job("succeeded", markerJob, UUID.randomUUID(), later));
        await().atMost(WAIT).until(() -> notesOf(markerJob) == 1);
        assertEquals(1, notesOf(jobId));

        Response note = PatientApi.asUser(doctor, List.of(department), "doctor").get("/api/v1/notes/{id}", noteId);
        note.then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("encounterId", equalTo(visit[1]))
                .body("createdBy", equalTo(doctor))
                .body("signer", equalTo(doctor))
                .body("signedBy", nullValue())
                .body("subjective", equalTo("Cough for five days with fever of 38.5 degrees. No chest pain."))
                .body("plan", equalTo("Paracetamol 1000 mg up to four times a day."))
                .body("provenance.aiGenerated", equalTo(true))
                .body("provenance.engine", equalTo("offline"))
                .body("provenance.model", equalTo("extractive-minilm"))
                .body("provenance.promptVersion", equalTo("scribe-v1"))
                .body("provenance.sourceTranscriptId", equalTo(jobId.toString()))
                .body("provenance.fallbackReason", nullValue())
                .body("provenance.evidence", hasSize(5))
                .body("provenance.evidence[4].supported", equalTo(false))
                .body("provenance.evidence[4].problems[0]", equalTo("the dose 1000 mg is not in the cited transcript"))
                .body("provenance.evidence[0].spans[0].segmentId", equalTo("s2"))
                .body("provenance.evidence[0].spans[0].startSeconds", equalTo(4.0f))
                .body("attestation", equalTo("AI draft, not yet reviewed and signed"));

        // announced like any draft, as an AI draft, and audited in ai-service's name
        TopicReader.awaitOne(Topics.PATIENT_EVENTS, r -> noteId.toString().equals(TopicReader.header(r, "ce_subject"))
                && PatientEvents.NOTE_DRAFTED.type().equals(TopicReader.header(r, "ce_type"))
                && r.value().contains("\"aiGenerated\":true"));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where action = 'note.create' "
                + "and target_id = '" + noteId + "' and actor = 'ai-service'"));
    }
}

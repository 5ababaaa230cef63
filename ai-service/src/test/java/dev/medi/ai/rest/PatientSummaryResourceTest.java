package dev.medi.ai.rest;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertProblem;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The patient summary against a stand-in of patient-service (its answers scripted per test, its reads recorded). */
@QuarkusTest
@QuarkusTestResource(PatientServiceStandIn.class)
class PatientSummaryResourceTest {

    static final String PATH = "/api/v1/ai/patients/{id}/summary";

    /** A readable patient with a signed note (assessment, plan), a draft, an abnormal SpO₂ and an encounter. */
    static String readablePatient(String noteId) {
        String patient = UUID.randomUUID().toString();
        PatientServiceStandIn.answer("/api/v1/patients/" + patient, 200,
                new JsonObject().put("id", patient).put("status", "active").encode());
        PatientServiceStandIn.answer("/api/v1/patients/" + patient + "/history", 200, new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("kind", "vitals").put("id", UUID.randomUUID().toString()).put("at", "2026-03-12T14:02:00Z")
                        .put("detail", new JsonObject().put("observations", new JsonArray()
                                .add(new JsonObject().put("id", UUID.randomUUID().toString()).put("display", "SpO₂").put("value", 88)
                                        .put("unit", "%").put("interpretation", "LL").put("effectiveAt", "2026-03-12T14:02:00Z")))))
                .add(new JsonObject().put("kind", "encounter").put("id", UUID.randomUUID().toString()).put("at", "2026-03-12T13:40:00Z")
                        .put("detail", new JsonObject().put("reason", "short of breath").put("status", "finished")))).encode());
        PatientServiceStandIn.answer("/api/v1/patients/" + patient + "/notes", 200, new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("id", noteId).put("status", "signed").put("signedAt", "2026-03-12T15:00:00Z"))
                .add(new JsonObject().put("id", UUID.randomUUID().toString()).put("status", "draft"))).encode());
        PatientServiceStandIn.answer("/api/v1/notes/" + noteId, 200, new JsonObject().put("id", noteId).put("status", "signed")
                .put("signedBy", "doctor").put("signedAt", "2026-03-12T15:00:00Z").put("assessment", "Community-acquired pneumonia.")
                .put("plan", "Amoxicillin 500 mg three times daily for 7 days.").encode());
        return patient;
    }

    static long historyReads(String patient) {
        return PatientServiceStandIn.received().stream()
                .filter(r -> r.path().equals("/api/v1/patients/" + patient + "/history")).count();
    }

    @Test
    void aDoctorGetsACitedSummaryComputedOnceUntilARecordEventMakesItStale() throws Exception {
        String doctor = TestTokens.forRoles("doctor");
        String note = UUID.randomUUID().toString();
        String patient = readablePatient(note);
        given().auth().oauth2(doctor).get(PATH, patient).then().statusCode(200)
                .body("patientId", equalTo(patient))
                .body("statements.text", hasItem("Community-acquired pneumonia."))
                .body("statements.text", hasItem("SpO₂ 88 % (critical low) on 12 Mar 2026."))
                .body("statements.find { it.section == 'PROBLEMS' }.citations[0].id", equalTo(note))
                .body("computedAt", notNullValue());
        assertEquals(1, historyReads(patient));
        // patient-service decided with the doctor's own token
        assertTrue(PatientServiceStandIn.received().stream().anyMatch(r ->
                r.path().equals("/api/v1/patients/" + patient) && ("Bearer " + doctor).equals(r.authorization())));

        // served from the cache: no second history read
        given().auth().oauth2(doctor).get(PATH, patient).then().statusCode(200);
        assertEquals(1, historyReads(patient));

        // a record event of the patient (e.g. note.signed) makes it stale: the next read recomputes
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.PATIENT_EVENTS, patient, "{}")).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth().oauth2(doctor).get(PATH, patient).then().statusCode(200);
            assertTrue(historyReads(patient) >= 2, "the summary was not recomputed");
        });

        // every read is audited, without clinical text
        var audit = TopicReader.awaitOne(Topics.AUDIT, record -> record.value().contains("ai.patient-summary.read")
                && record.value().contains(patient));
        assertEquals(patient, audit.key());
        assertTrue(!audit.value().contains("pneumonia"), "clinical text in the audit trail");
    }

    @Test
    void patientServiceRefusalsArePassedOn() {
        String doctor = TestTokens.forRoles("doctor");
        String forbidden = UUID.randomUUID().toString();
        PatientServiceStandIn.answer("/api/v1/patients/" + forbidden, 403, "{\"status\":403}");
        assertForbidden(given().auth().oauth2(doctor).get(PATH, forbidden));
        assertProblem(given().auth().oauth2(doctor).get(PATH, UUID.randomUUID().toString()), 404, "not-found");
    }

    @Test
    void onlyDoctorsAndOnlyWithAToken() {
        String patient = readablePatient(UUID.randomUUID().toString());
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("nurse")).get(PATH, patient));
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("receptionist")).get(PATH, patient));
        assertUnauthorized(given().get(PATH, patient));
        assertEquals(0, historyReads(patient), "a refused caller made ai-service read the record");
    }
}

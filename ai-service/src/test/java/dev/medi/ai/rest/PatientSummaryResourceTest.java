package dev.medi.ai.rest;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertProblem;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PatientServiceStandIn.class)
class PatientSummaryResourceTest {

    static final String PATH = "/api/v1/ai/patients/{id}/summary";

    @Test
    void aDoctorGetsACitedSummaryComputedOnceUntilARecordEventMakesItStale() throws Exception {
        String doctor = TestTokens.forRoles("doctor");
        int before = PatientServiceStandIn.HISTORY_READS.get();
        given().auth().oauth2(doctor).get(PATH, PatientServiceStandIn.READABLE).then().statusCode(200)
                .body("patientId", org.hamcrest.Matchers.equalTo(PatientServiceStandIn.READABLE))
                .body("statements.text", hasItem("Community-acquired pneumonia."))
                .body("statements.text", hasItem("SpO₂ 88 % (critical low) on 12 Mar 2026."))
                .body("statements.find { it.section == 'PROBLEMS' }.citations[0].id", org.hamcrest.Matchers.equalTo(PatientServiceStandIn.NOTE))
                .body("computedAt", notNullValue());
        assertEquals(before + 1, PatientServiceStandIn.HISTORY_READS.get());
        // patient-service decided with the doctor's own token
        assertEquals("Bearer " + doctor, PatientServiceStandIn.lastAuthorization);

        // served from the cache: no second history read
        given().auth().oauth2(doctor).get(PATH, PatientServiceStandIn.READABLE).then().statusCode(200);
        assertEquals(before + 1, PatientServiceStandIn.HISTORY_READS.get());

        // a record event of the patient (e.g. note.signed) makes it stale: the next read recomputes
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.PATIENT_EVENTS, PatientServiceStandIn.READABLE, "{}")).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth().oauth2(doctor).get(PATH, PatientServiceStandIn.READABLE).then().statusCode(200);
            assertTrue(PatientServiceStandIn.HISTORY_READS.get() >= before + 2, "the summary was not recomputed");
        });

        // every read is audited, without patient data
        var audit = TopicReader.awaitOne(Topics.AUDIT, record -> record.value().contains("ai.patient-summary.read")
                && record.value().contains(PatientServiceStandIn.READABLE));
        assertEquals(PatientServiceStandIn.READABLE, audit.key());
        assertTrue(!audit.value().contains("pneumonia"), "clinical text in the audit trail");
    }

    @Test
    void patientServiceRefusalsArePassedOn() {
        String doctor = TestTokens.forRoles("doctor");
        assertForbidden(given().auth().oauth2(doctor).get(PATH, PatientServiceStandIn.FORBIDDEN));
        assertProblem(given().auth().oauth2(doctor).get(PATH, "0193a000-0000-7000-8000-00000000ffff"), 404, "not-found");
    }

    @Test
    void onlyDoctorsAndOnlyWithAToken() {
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("nurse")).get(PATH, PatientServiceStandIn.READABLE));
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("receptionist")).get(PATH, PatientServiceStandIn.READABLE));
        assertUnauthorized(given().get(PATH, PatientServiceStandIn.READABLE));
    }
}

package dev.medi.patient.messaging.outbound;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.patient.PatientApi;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The contract of {@link PatientEvents}: every patient event type, produced by driving the REST API, read back from
 * the real topic, matches {@code schemas/medi.patient.events.v1.json}, reads into its descriptor's record without a
 * field left over, and carries the key, source and subject its descriptor gives.
 */
@QuarkusTest
class PatientEventsContractTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final String department = UUID.randomUUID().toString();
    private final String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification doctor() {
        return PatientApi.asUser(doctor, List.of(department), "doctor");
    }

    @Test
    void everyPatientEventTypeMatchesItsSchemaAndDescriptor() throws Exception {
        String patient = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patient, department);
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", "contract@example.org"))
                .patch("/api/v1/patients/{id}", patient).then().statusCode(200);
        String encounter = doctor().body(Map.of("departmentId", department, "room", "3", "reason", "follow-up"))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(201).extract().path("id");
        doctor().body(Map.of("encounterId", encounter, "vitals", List.of(
                        Map.of("code", "8867-4", "value", 72, "unit", "/min"),
                        Map.of("code", "67775-7", "valueCode", "A"))))
                .post("/api/v1/patients/{id}/observations", patient).then().statusCode(201);
        String note = doctor().body(Map.of("subjective", "s", "objective", "o", "assessment", "a", "plan", "p"))
                .post("/api/v1/encounters/{id}/notes", encounter).then().statusCode(201).extract().path("id");
        doctor().header("If-Match", "\"0\"").post("/api/v1/notes/{id}/sign", note).then().statusCode(200);
        doctor().body(Map.of("text", "addendum")).post("/api/v1/notes/{id}/addenda", note).then().statusCode(201);
        doctor().body(Map.of("outcome", "completed")).post("/api/v1/encounters/{id}/close", encounter)
                .then().statusCode(200);
        as("receptionist").body(Map.of("reason", "registered twice"))
                .post("/api/v1/patients/{id}/entered-in-error", patient).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = TopicReader.awaitRecords(Topics.PATIENT_EVENTS,
                record -> patient.equals(record.key()), PatientEvents.ALL.size());
        assertEquals(PatientEvents.ALL.stream().map(EventType::type).toList(),
                events.stream().map(event -> TopicReader.header(event, "ce_type")).sorted(
                        (a, b) -> Integer.compare(position(a), position(b))).toList(),
                "one event of every type");
        ObjectMapper strict = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (ConsumerRecord<String, String> event : events) {
            EventType<?> type = PatientEvents.byType(TopicReader.header(event, "ce_type"));
            assertNotNull(type);
            EventSchemas.assertValid(type, event.value());
            assertSubject(type, strict.readValue(event.value(), type.dataType()), event);
        }
    }

    private static int position(String type) {
        return PatientEvents.ALL.indexOf(PatientEvents.byType(type));
    }

    private static <T> void assertSubject(EventType<T> type, Object data, ConsumerRecord<String, String> event) {
        T typed = type.dataType().cast(data);
        assertEquals(type.keyOf(typed), event.key(), type + " key");
        assertEquals(type.source(), TopicReader.header(event, "ce_source"), type + " source");
        assertEquals(type.subjectOf(typed), TopicReader.header(event, "ce_subject"), type + " subject");
    }
}

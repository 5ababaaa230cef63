package dev.medi.patient.messaging.outbound;

import dev.medi.patient.PatientApi;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.medi.patient.PatientApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patient events read back from the real medi.patient.events.v1 topic, checked against the published schema. */
@QuarkusTest
class PatientEventsTest {

    @Inject
    DataSource dataSource;

    private static List<ConsumerRecord<String, String>> events(String patientId, int count) {
        return TopicReader.awaitRecords(Topics.PATIENT_EVENTS, record -> patientId.equals(record.key()), count);
    }

    @Test
    void theLifeOfARecordIsPublishedInOrderKeyedByPatient() {
        Map<String, Object> person = PatientApi.person();
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        var created = as("receptionist").body(person).post("/api/v1/patients").then().statusCode(201).extract();
        String id = created.path("id");
        String mrn = created.path("mrn");
        as("receptionist").header("If-Match", "\"0\"")
                .body(Map.of("email", "new@example.org", "address", Map.of("city", "Hamburg")))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200);
        as("receptionist").body(Map.of("reason", "registered twice")).post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> events = events(id, 3);
        assertEquals(List.of(PatientEvents.PATIENT_REGISTERED.type(), PatientEvents.PATIENT_UPDATED.type(),
                PatientEvents.PATIENT_ENTERED_IN_ERROR.type()), events.stream().map(e -> TopicReader.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(Topics.PATIENT_EVENTS, event.value());
            assertEquals("/medi/patient-service", TopicReader.header(event, "ce_source"));
            assertEquals(id, TopicReader.header(event, "ce_subject"));
            assertEquals("1.0", TopicReader.header(event, "ce_specversion"));
            assertNotNull(TopicReader.header(event, "ce_id"));
            assertFalse(event.value().contains(family), "no demographics in events");
            assertEquals(mrn, new JsonObject(event.value()).getString("mrn"));
        }
        JsonObject registered = new JsonObject(events.get(0).value());
        assertEquals("active", registered.getString("status"));
        assertEquals(0L, registered.getLong("version"));
        JsonObject updated = new JsonObject(events.get(1).value());
        assertEquals(List.of("email", "address"), updated.getJsonArray("changedFields").getList());
        assertEquals(1L, updated.getLong("version"));
        JsonObject retired = new JsonObject(events.get(2).value());
        assertEquals("entered-in-error", retired.getString("status"));
        assertEquals(2L, retired.getLong("version"));
        assertEquals(0, Databases.count(dataSource, "select count(*) from outbox where subject = '" + id + "'"
                + " and topic = 'medi.patient.events.v1'"), "published events leave the outbox");
    }

    @Test
    void anOverriddenDuplicateWarningIsInTheRegisteredEvent() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        String existing = PatientApi.register(PatientApi.person(family, birthDate, "Rosa"));
        String id = as("receptionist").body(PatientApi.person(family, birthDate, "Rosa")).post("/api/v1/patients?force=true")
                .then().statusCode(201).extract().path("id");
        JsonObject data = new JsonObject(events(id, 1).get(0).value());
        assertTrue(data.getBoolean("duplicateOverride"));
        assertEquals(List.of(existing), data.getJsonArray("possibleDuplicates").getList());
    }

    @Test
    void aCorrectionThatChangesNothingPublishesNothing() {
        Map<String, Object> person = PatientApi.person();
        String id = PatientApi.register(person);
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("sex", person.get("sex")))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200);
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("sex", "other"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200);
        List<ConsumerRecord<String, String>> events = events(id, 2);
        assertEquals(2, events.size());
        assertEquals(List.of("sex"), new JsonObject(events.get(1).value()).getJsonArray("changedFields").getList());
    }
}

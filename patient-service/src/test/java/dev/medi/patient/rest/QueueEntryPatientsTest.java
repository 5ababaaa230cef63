package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 item 8: who the queue entries on a screen are (POST /api/v1/patients/display), and the encounter of a
 * queue entry (GET /api/v1/encounters?queueEntryId=), each scoped like every patient read.
 */
@QuarkusTest
class QueueEntryPatientsTest {

    @Inject
    DataSource dataSource;

    private final String ward = UUID.randomUUID().toString();
    private final String otherWard = UUID.randomUUID().toString();

    private RequestSpecification as(String role, String department) {
        return PatientApi.asUser(role + "." + UUID.randomUUID().toString().substring(0, 8), List.of(department), role);
    }

    private long audited(String requestId, String action, String outcome) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "' and outcome = '" + outcome + "'");
    }

    private UUID encounterOf(String patient, UUID entry, String department) {
        UUID id = UUID.randomUUID();
        PatientApi.execute(dataSource, "insert into encounters (id, patient_id, department_id, queue_entry_id, status, "
                        + "started_at, source, opened_by, created_at, updated_at) values (?, ?, ?, ?, 'in-progress', now(), "
                        + "'queue', 'queue-service', now(), now())",
                id, UUID.fromString(patient), UUID.fromString(department), entry);
        return id;
    }

    @Test
    void theWardSeesWhoItsEntriesAreAndNothingElse() {
        Map<String, Object> person = PatientApi.person("Ida");
        String patient = PatientApi.register(person);
        UUID entry = PatientApi.linkToDepartment(dataSource, patient, ward);
        String stranger = PatientApi.registerSomeone();
        UUID strangerEntry = PatientApi.linkToDepartment(dataSource, stranger, otherWard);
        UUID walkIn = UUID.randomUUID();
        String request = PatientApi.requestId();

        as("nurse", ward).header("X-Request-Id", request)
                .body(Map.of("queueEntryIds", List.of(walkIn, strangerEntry, entry, entry)))
                .post("/api/v1/patients/display")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].queueEntryId", equalTo(entry.toString()))
                .body("items[0].patientId", equalTo(patient))
                .body("items[0].name.family", equalTo(((Map<?, ?>) person.get("name")).get("family")))
                .body("items[0].name.given", equalTo(List.of("Ida")))
                .body("items[0].birthDate", equalTo(person.get("birthDate")))
                .body("items[0].sex", equalTo("female"))
                .body("items[0].phone", equalTo(null));
        assertEquals(1, audited(request, "patient.display", "success"));

        // the curious insider: a receptionist of the ward asking for another ward's entry learns nothing
        as("receptionist", ward).body(Map.of("queueEntryIds", List.of(strangerEntry)))
                .post("/api/v1/patients/display")
                .then().statusCode(200).body("items.size()", equalTo(0));
        // and the other ward's clinicians do not see the ward's patient
        as("doctor", otherWard).body(Map.of("queueEntryIds", List.of(entry)))
                .post("/api/v1/patients/display")
                .then().statusCode(200).body("items.size()", equalTo(0));
        // admins see every entry
        as("admin", UUID.randomUUID().toString()).body(Map.of("queueEntryIds", List.of(entry, strangerEntry)))
                .post("/api/v1/patients/display")
                .then().statusCode(200).body("items.queueEntryId", equalTo(List.of(entry.toString(), strangerEntry.toString())));
    }

    @Test
    void displayRefusesWhatItMust() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        as("nurse", ward).body(Map.of("queueEntryIds", tooMany)).post("/api/v1/patients/display")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as("nurse", ward).body(Map.of("queueEntryIds", List.of("not-an-id"))).post("/api/v1/patients/display")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as("nurse", ward).body(Map.of()).post("/api/v1/patients/display")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType("application/json").body(Map.of("queueEntryIds", List.of()))
                .post("/api/v1/patients/display").then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(dev.medi.platform.testing.TestTokens.tokens().accessToken("nobody", List.of(), List.of(ward)))
                .contentType("application/json").body(Map.of("queueEntryIds", List.of()))
                .post("/api/v1/patients/display").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void theEncounterOfAQueueEntry() {
        String patient = PatientApi.registerSomeone();
        UUID entry = PatientApi.linkToDepartment(dataSource, patient, ward);
        UUID encounter = encounterOf(patient, entry, ward);

        as("doctor", ward).queryParam("queueEntryId", entry).get("/api/v1/encounters")
                .then().statusCode(200).body("id", equalTo(encounter.toString()))
                .body("queueEntryId", equalTo(entry.toString()));
        // no encounter, and one the caller may not read: the same 404
        as("doctor", ward).queryParam("queueEntryId", UUID.randomUUID()).get("/api/v1/encounters")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "not-found"));
        String request = PatientApi.requestId();
        as("doctor", otherWard).header("X-Request-Id", request).queryParam("queueEntryId", entry).get("/api/v1/encounters")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "not-found"));
        assertEquals(1, audited(request, "encounter.read", "denied"));
        as("doctor", ward).get("/api/v1/encounters").then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("queueEntryId", entry).get("/api/v1/encounters").then().statusCode(401);
    }
}

package dev.medi.patient.rest;

import dev.medi.devstack.DevTokens;
import dev.medi.patient.PatientApi;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/patients/{id}/encounters and /api/v1/encounters/{id}: open, read, list, close; access and audit. */
@QuarkusTest
class EncounterApiTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();
    private final String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification as(String username, String dept, String role) {
        return PatientApi.asUser(username, List.of(dept), role);
    }

    private RequestSpecification doctor() {
        return as(doctor, department, "doctor");
    }

    private String linkedPatient() {
        String patient = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patient, department);
        return patient;
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    private long audited(String requestId, String action, String outcome) {
        return count("select count(*) from audit_log where request_id = '" + requestId + "' and action = '" + action
                + "' and outcome = '" + outcome + "'");
    }

    private String open(String patient) {
        return doctor().body(Map.of("departmentId", department, "room", "3", "reason", "follow-up"))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(201).extract().path("id");
    }

    @Test
    void aDoctorOpensReadsListsAndClosesAnEncounter() {
        String patient = linkedPatient();
        String opening = PatientApi.requestId();
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        var created = doctor().header("X-Request-Id", opening)
                .body(Map.of("departmentId", department, "encounterClass", "EMER", "room", "Resus 1",
                        "reason", "shortness of breath", "startedAt", started.toString()))
                .post("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("patientId", equalTo(patient))
                .body("departmentId", equalTo(department))
                .body("status", equalTo("in-progress"))
                .body("encounterClass", equalTo("EMER"))
                .body("attending", equalTo(DevTokens.userId(doctor)))
                .body("room", equalTo("Resus 1"))
                .body("reason", equalTo("shortness of breath"))
                .body("startedAt", equalTo(started.toString()))
                .body("source", equalTo("direct"))
                .body("endedAt", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/encounters/" + id));
        assertEquals(1, audited(opening, "encounter.open", "success"));

        String reading = PatientApi.requestId();
        as("nurse.x", department, "nurse").header("X-Request-Id", reading).get("/api/v1/encounters/{id}", id)
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("in-progress"));
        assertEquals(1, audited(reading, "encounter.read", "success"));

        String closing = PatientApi.requestId();
        doctor().header("X-Request-Id", closing).body(Map.of("outcome", "admitted"))
                .post("/api/v1/encounters/{id}/close", id)
                .then().statusCode(200)
                .body("status", equalTo("finished"))
                .body("outcome", equalTo("admitted"))
                .body("closedBy", equalTo(doctor))
                .body("endedAt", notNullValue())
                .body("version", equalTo(1));
        assertEquals(1, audited(closing, "encounter.close", "success"));

        String listing = PatientApi.requestId();
        doctor().header("X-Request-Id", listing).get("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(200).body("items.id", equalTo(List.of(id))).body("next", nullValue());
        assertEquals(1, audited(listing, "encounter.search", "success"));

        List<ConsumerRecord<String, String>> events = TopicReader.awaitRecords(Topics.PATIENT_EVENTS,
                record -> id.equals(TopicReader.header(record, "ce_subject")), 2);
        assertEquals(List.of("medi.patient.encounter.opened.v1", "medi.patient.encounter.closed.v1"),
                events.stream().map(e -> TopicReader.header(e, "ce_type")).toList());
        events.forEach(event -> {
            assertEquals(patient, event.key());
            EventSchemas.assertValid(Topics.PATIENT_EVENTS, event.value());
        });
    }

    @Test
    void anEncounterIsClosedOnce() {
        String id = open(linkedPatient());
        doctor().body(Map.of("outcome", "completed")).post("/api/v1/encounters/{id}/close", id).then().statusCode(200);
        doctor().body(Map.of("outcome", "referred")).post("/api/v1/encounters/{id}/close", id)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "conflict"));
        doctor().get("/api/v1/encounters/{id}", id).then().body("outcome", equalTo("completed"));
    }

    @Test
    void invalidRequestsStoreNothing() {
        String patient = linkedPatient();
        doctor().body(Map.of("room", "3")).post("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("departmentId"));
        doctor().body(Map.of("departmentId", department, "encounterClass", "IMP"))
                .post("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(400).body("errors.field", hasItem("encounterClass"));
        doctor().body(Map.of("departmentId", department, "startedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .post("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(400).body("errors.field", hasItem("startedAt"));
        doctor().body(Map.of("departmentId", department, "bedNumber", "7"))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(400).contentType(PROBLEM_JSON);
        assertEquals(0, count("select count(*) from encounters where patient_id = '" + patient + "'"));

        String id = open(patient);
        doctor().body(Map.of("outcome", "healed")).post("/api/v1/encounters/{id}/close", id)
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        doctor().get("/api/v1/encounters/{id}", id).then().body("status", equalTo("in-progress"));
    }

    @Test
    void withoutATokenItIs401() {
        given().get("/api/v1/encounters/{id}", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
        given().contentType("application/json").body(Map.of("departmentId", department))
                .post("/api/v1/patients/{id}/encounters", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void outsideTheRulesItIs403() {
        String patient = linkedPatient();
        String id = open(patient);

        // the front desk handles no clinical data: refused by role (writes) or by the access rule (reads, audited)
        PatientApi.as("receptionist").body(Map.of("departmentId", department))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(403).contentType(PROBLEM_JSON);
        String frontDesk = PatientApi.requestId();
        PatientApi.as("receptionist").header("X-Request-Id", frontDesk).get("/api/v1/encounters/{id}", id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertEquals(1, audited(frontDesk, "encounter.read", "denied"));

        // a doctor of another department
        String other = UUID.randomUUID().toString();
        String outside = PatientApi.requestId();
        as("doctor.other", other, "doctor").header("X-Request-Id", outside).get("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        assertEquals(1, audited(outside, "encounter.search", "denied"));
        as("doctor.other", other, "doctor").body(Map.of("outcome", "completed")).post("/api/v1/encounters/{id}/close", id)
                .then().statusCode(403);
        // opening in a department the doctor does not work in
        doctor().body(Map.of("departmentId", other)).post("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertEquals(1, count("select count(*) from encounters where patient_id = '" + patient + "'"));

        // admins read everything
        PatientApi.as("admin").get("/api/v1/encounters/{id}", id).then().statusCode(200);
    }

    @Test
    void unknownPatientsAndEncountersAre404() {
        doctor().body(Map.of("departmentId", department)).post("/api/v1/patients/{id}/encounters", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "not-found"));
        doctor().get("/api/v1/encounters/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        doctor().body(Map.of("outcome", "completed")).post("/api/v1/encounters/{id}/close", UUID.randomUUID())
                .then().statusCode(404);
        doctor().get("/api/v1/patients/{id}/encounters", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theListIsPaged() {
        String patient = linkedPatient();
        String first = open(patient);
        String second = open(patient);
        var page = doctor().queryParam("limit", 1).get("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(200).body("items.id", equalTo(List.of(second))).body("next", notNullValue()).extract();
        doctor().queryParam("limit", 1).queryParam("after", (String) page.path("next"))
                .get("/api/v1/patients/{id}/encounters", patient)
                .then().statusCode(200).body("items.id", equalTo(List.of(first))).body("next", nullValue());
        // a cursor of another patient's list
        String other = linkedPatient();
        doctor().queryParam("after", (String) page.path("next")).get("/api/v1/patients/{id}/encounters", other)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("after"));
    }
}

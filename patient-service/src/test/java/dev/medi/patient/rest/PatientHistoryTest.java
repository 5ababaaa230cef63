package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /api/v1/patients/{id}/history: encounters and vital-sign sets, newest first, in pages. */
@QuarkusTest
class PatientHistoryTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();

    private RequestSpecification doctor() {
        return PatientApi.asUser("doctor.hist", List.of(department), "doctor");
    }

    private String vitalsAt(String patient, Instant at) {
        return doctor().body(Map.of("effectiveAt", at.toString(), "vitals",
                        List.of(Map.of("code", "8867-4", "value", 80, "unit", "/min"),
                                Map.of("code", "8310-5", "value", 37.0, "unit", "Cel"))))
                .post("/api/v1/patients/{id}/observations", patient).then().statusCode(201).extract().path("items[0].setId");
    }

    private String encounterAt(String patient, Instant at) {
        return doctor().body(Map.of("departmentId", department, "startedAt", at.toString()))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(201).extract().path("id");
    }

    @Test
    void encountersAndVitalsComeNewestFirstInPages() {
        String patient = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patient, department);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String oldVisit = encounterAt(patient, now.minus(3, ChronoUnit.DAYS));
        String oldVitals = vitalsAt(patient, now.minus(3, ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES));
        String visit = encounterAt(patient, now.minus(2, ChronoUnit.HOURS));
        String vitals = vitalsAt(patient, now.minus(1, ChronoUnit.HOURS));

        String request = PatientApi.requestId();
        doctor().header("X-Request-Id", request).get("/api/v1/patients/{id}/history", patient)
                .then().statusCode(200)
                .body("items.kind", equalTo(List.of("vitals", "encounter", "vitals", "encounter")))
                .body("items.id", equalTo(List.of(vitals, visit, oldVitals, oldVisit)))
                .body("items[0].detail.observations.size()", equalTo(2))
                .body("items[1].detail.status", equalTo("in-progress"))
                .body("next", nullValue());
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + request
                + "' and action = 'patient.history' and outcome = 'success' and patient_id = '" + patient + "'"));

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification page = doctor().queryParam("limit", 1);
            if (after != null) {
                page.queryParam("after", after);
            }
            var response = page.get("/api/v1/patients/{id}/history", patient).then().statusCode(200)
                    .body("items.size()", equalTo(1)).extract();
            paged.add(response.path("items[0].id"));
            after = response.path("next");
        } while (after != null && paged.size() < 10);
        assertEquals(List.of(vitals, visit, oldVitals, oldVisit), paged);
    }

    @Test
    void onlyClinicalAccessSeesTheHistory() {
        String patient = PatientApi.registerSomeone();
        given().get("/api/v1/patients/{id}/history", patient).then().statusCode(401).contentType(PROBLEM_JSON);
        String request = PatientApi.requestId();
        PatientApi.as("receptionist").header("X-Request-Id", request).get("/api/v1/patients/{id}/history", patient)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + request
                + "' and action = 'patient.history' and outcome = 'denied'"));
        doctor().get("/api/v1/patients/{id}/history", patient).then().statusCode(403);
        doctor().get("/api/v1/patients/{id}/history", UUID.randomUUID()).then().statusCode(404);
        PatientApi.as("admin").queryParam("after", "garbage").get("/api/v1/patients/{id}/history", patient)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        PatientApi.as("admin").get("/api/v1/patients/{id}/history", patient)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }
}

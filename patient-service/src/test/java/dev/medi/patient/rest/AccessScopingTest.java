package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which patient: front desk and admins everyone, clinical staff their departments' patients or break-glass. */
@QuarkusTest
class AccessScopingTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();
    private final String otherDepartment = UUID.randomUUID().toString();

    private static String user(String role) {
        return role + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private RequestSpecification clinician(String username, String department, String role) {
        return PatientApi.asUser(username, List.of(department), role);
    }

    private long audit(String requestId, String action, String outcome, String basis) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId + "' and action = '"
                + action + "' and outcome = '" + outcome + "' and access_basis "
                + (basis == null ? "is null" : "= '" + basis + "'"));
    }

    @Test
    void aNurseSeesPatientsOfHerDepartmentsOnly() {
        String nurse = user("nurse");
        String linked = PatientApi.registerSomeone();
        String unlinked = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, linked, department);

        String allowed = PatientApi.requestId();
        clinician(nurse, department, "nurse").header("X-Request-Id", allowed).get("/api/v1/patients/{id}", linked)
                .then().statusCode(200).body("id", equalTo(linked));
        assertEquals(1, audit(allowed, "patient.read", "success", "queue-entry"));

        String denied = PatientApi.requestId();
        clinician(nurse, department, "nurse").header("X-Request-Id", denied).get("/api/v1/patients/{id}", unlinked)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "forbidden"))
                .body("detail", containsString("break-glass"));
        assertEquals(1, audit(denied, "patient.read", "denied", null), "a refused read is audited too");
    }

    @Test
    void aDoctorOfAnotherDepartmentIsRefused() {
        String patient = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, patient, department);
        clinician(user("doctor"), otherDepartment, "doctor").get("/api/v1/patients/{id}", patient)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        clinician(user("doctor"), department, "doctor").get("/api/v1/patients/{id}", patient).then().statusCode(200);
    }

    @Test
    void clinicalSearchReturnsOnlyAccessiblePatients() {
        String family = PatientApi.uniqueName();
        String linked = PatientApi.register(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Tom"));
        String other = PatientApi.register(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Tom"));
        PatientApi.linkToDepartment(dataSource, linked, department);

        clinician(user("nurse"), department, "nurse").queryParam("q", family).get("/api/v1/patients")
                .then().statusCode(200).body("items.id", equalTo(List.of(linked)));
        clinician(user("doctor"), otherDepartment, "doctor").queryParam("q", family).get("/api/v1/patients")
                .then().statusCode(200).body("items.id", equalTo(List.of()));
        List<String> frontDesk = as("receptionist").queryParam("q", family).get("/api/v1/patients")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(frontDesk.containsAll(List.of(linked, other)));
    }

    @Test
    void clinicalStaffCorrectTheirPatientsButRetireNone() {
        String nurse = user("nurse");
        String linked = PatientApi.registerSomeone();
        String unlinked = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, linked, department);

        clinician(nurse, department, "nurse").header("If-Match", "\"0\"").body(Map.of("email", "n@example.org"))
                .patch("/api/v1/patients/{id}", linked).then().statusCode(200).body("updatedBy", equalTo(nurse));
        String denied = PatientApi.requestId();
        clinician(nurse, department, "nurse").header("X-Request-Id", denied).header("If-Match", "\"0\"")
                .body(Map.of("email", "n@example.org")).patch("/api/v1/patients/{id}", unlinked)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertEquals(1, audit(denied, "patient.update", "denied", null));

        String retire = PatientApi.requestId();
        clinician(nurse, department, "nurse").header("X-Request-Id", retire).body(Map.of("reason", "duplicate"))
                .post("/api/v1/patients/{id}/entered-in-error", linked).then().statusCode(403).contentType(PROBLEM_JSON);
        assertEquals(1, audit(retire, "patient.entered-in-error", "denied", null));
        as("admin").get("/api/v1/patients/{id}", linked).then().body("status", equalTo("active"));
    }

    @Test
    void breakGlassOpensAPatientForAnHourAndIsFlagged() {
        String doctor = user("doctor");
        String patient = PatientApi.registerSomeone();
        clinician(doctor, otherDepartment, "doctor").get("/api/v1/patients/{id}", patient).then().statusCode(403);

        String grantRequest = PatientApi.requestId();
        Instant before = Instant.now();
        String expiresAt = clinician(doctor, otherDepartment, "doctor").header("X-Request-Id", grantRequest)
                .body(Map.of("reason", "unconscious patient brought in, allergy check"))
                .post("/api/v1/patients/{id}/break-glass", patient)
                .then().statusCode(201)
                .body("patientId", equalTo(patient))
                .body("grantedTo", equalTo(doctor))
                .extract().path("expiresAt");
        Duration validity = Duration.between(before, Instant.parse(expiresAt));
        assertTrue(validity.compareTo(Duration.ofMinutes(59)) > 0 && validity.compareTo(Duration.ofMinutes(61)) < 0,
                "valid for 60 minutes: " + validity);
        assertEquals(1, audit(grantRequest, "patient.break-glass", "success", "break-glass"));

        String read = PatientApi.requestId();
        clinician(doctor, otherDepartment, "doctor").header("X-Request-Id", read).get("/api/v1/patients/{id}", patient)
                .then().statusCode(200);
        assertEquals(1, audit(read, "patient.read", "success", "break-glass"), "reads under break-glass are flagged");

        String family = as("admin").get("/api/v1/patients/{id}", patient).path("name.family");
        String search = PatientApi.requestId();
        clinician(doctor, otherDepartment, "doctor").header("X-Request-Id", search).queryParam("q", family)
                .get("/api/v1/patients").then().statusCode(200).body("items.id", equalTo(List.of(patient)));
        assertEquals(1, audit(search, "patient.search", "success", "break-glass"));

        // the grant is personal
        clinician(user("doctor"), otherDepartment, "doctor").get("/api/v1/patients/{id}", patient).then().statusCode(403);
    }

    @Test
    void anExpiredGrantOpensNothing() {
        String nurse = user("nurse");
        String patient = PatientApi.registerSomeone();
        PatientApi.execute(dataSource, "insert into break_glass_grants (id, patient_id, granted_to, reason, granted_at, expires_at)"
                        + " values (?, ?, ?, 'night shift emergency', now() - interval '2 hours', now() - interval '1 hour')",
                UUID.randomUUID(), UUID.fromString(patient), nurse);
        clinician(nurse, department, "nurse").get("/api/v1/patients/{id}", patient).then().statusCode(403);
    }

    @Test
    void breakGlassIsForClinicalStaffOnly() {
        String patient = PatientApi.registerSomeone();
        for (String role : List.of("receptionist", "admin")) {
            String requestId = PatientApi.requestId();
            as(role).header("X-Request-Id", requestId).body(Map.of("reason", "just curious about this one"))
                    .post("/api/v1/patients/{id}/break-glass", patient)
                    .then().statusCode(403).contentType(PROBLEM_JSON);
            assertEquals(1, audit(requestId, "patient.break-glass", "denied", null), role);
        }
        assertEquals(0, Databases.count(dataSource, "select count(*) from break_glass_grants where patient_id = '" + patient + "'"));
    }

    @Test
    void breakGlassNeedsAReasonAndAPatient() {
        String patient = PatientApi.registerSomeone();
        clinician(user("nurse"), department, "nurse").body(Map.of("reason", "urgent"))
                .post("/api/v1/patients/{id}/break-glass", patient)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("reason")));
        clinician(user("nurse"), department, "nurse").body(Map.of("reason", "patient collapsed in the hall"))
                .post("/api/v1/patients/{id}/break-glass", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().contentType("application/json").body(Map.of("reason", "patient collapsed in the hall"))
                .post("/api/v1/patients/{id}/break-glass", patient).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aRecordEnteredInErrorCannotBeOpenedByBreakGlass() {
        String patient = PatientApi.registerSomeone();
        as("receptionist").body(Map.of("reason", "test registration")).post("/api/v1/patients/{id}/entered-in-error", patient)
                .then().statusCode(200);
        clinician(user("doctor"), department, "doctor").body(Map.of("reason", "patient collapsed in the hall"))
                .post("/api/v1/patients/{id}/break-glass", patient).then().statusCode(410).contentType(PROBLEM_JSON);
    }

    @Test
    void adminsSeeEveryone() {
        String patient = PatientApi.registerSomeone();
        String requestId = PatientApi.requestId();
        as("admin").header("X-Request-Id", requestId).get("/api/v1/patients/{id}", patient).then().statusCode(200);
        assertEquals(1, audit(requestId, "patient.read", "success", "admin"));
    }
}

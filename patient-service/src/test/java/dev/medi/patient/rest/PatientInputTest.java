package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input that used to be stored changed (a BC birth date) or to reach PostgreSQL and fail (NUL): a 400 now. */
@QuarkusTest
class PatientInputTest {

    @Inject
    DataSource dataSource;

    @Test
    void aBirthDateBeforeYearOneIsRefusedInsteadOfStoredAsAnotherDate() {
        String family = PatientApi.uniqueName();
        Map<String, Object> body = PatientApi.person(family, LocalDate.of(1980, 1, 1));
        body.put("birthDate", "-5000-01-01");
        as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("birthDate"));
        assertEquals(0, Databases.count(dataSource, "select count(*) from patients where family_name = '" + family + "'"));
    }

    @Test
    void aBirthDateMoreThan150YearsAgoIsRefused() {
        LocalDate tooOld = LocalDate.now(ZoneOffset.UTC).minusYears(150).minusDays(1);
        as("receptionist").body(PatientApi.person(PatientApi.uniqueName(), tooOld)).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("birthDate")));
    }

    @Test
    void anAcceptedBirthDateIsStoredAsSent() {
        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusYears(149);
        String family = PatientApi.uniqueName();
        String id = PatientApi.register(PatientApi.person(family, old));
        assertEquals(1, Databases.count(dataSource, "select count(*) from patients where id = '" + id
                + "' and birth_date = date '" + old + "'"));
    }

    @Test
    void aNulCharacterInANameIsA400ProblemNotA500() {
        Map<String, Object> body = PatientApi.person(PatientApi.uniqueName(), PatientApi.uniqueBirthDate());
        body.put("name", Map.of("family", "Nul\u0000Name", "given", List.of("Alex")));
        as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("name.family"));
    }

    @Test
    void aNulCharacterInASearchIsA400ProblemNotA500() {
        as("receptionist").urlEncodingEnabled(false).get("/api/v1/patients?q=ab%00cd")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }
}

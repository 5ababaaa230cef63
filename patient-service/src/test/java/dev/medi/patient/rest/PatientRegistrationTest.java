package dev.medi.patient.rest;

import dev.medi.patient.record.MedicalRecordNumber;
import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PatientRegistrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void aReceptionistRegistersAPatientWithEverything() {
        String family = PatientApi.uniqueName();
        Map<String, Object> body = PatientApi.person(family, LocalDate.of(1975, 3, 14), "Anna", "Maria");
        body.put("name", Map.of("family", family, "given", List.of("Anna", "Maria"), "prefix", "Dr."));
        body.put("email", "anna@example.org");
        body.put("address", Map.of("lines", List.of("Hauptstraße 1", "2. OG"), "city", "Berlin", "postalCode", "10115",
                "country", "DE"));
        body.put("identifiers", List.of(Map.of("system", "national-id", "value", "N-" + family),
                Map.of("system", "urn:oid:1.2.276.0.76.4.8", "value", "K" + family)));
        body.put("allergies", List.of(Map.of("substance", "penicillin", "reaction", "rash", "severity", "moderate")));
        body.put("emergencyContact", Map.of("name", "Jo " + family, "relationship", "spouse", "phone", "+49 30 1234567"));

        var response = as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("active"))
                .body("name.family", equalTo(family))
                .body("name.given", equalTo(List.of("Anna", "Maria")))
                .body("name.prefix", equalTo("Dr."))
                .body("birthDate", equalTo("1975-03-14"))
                .body("sex", equalTo("female"))
                .body("address.city", equalTo("Berlin"))
                .body("identifiers.system", hasItems("national-id", "urn:oid:1.2.276.0.76.4.8"))
                .body("allergies[0].severity", equalTo("moderate"))
                .body("emergencyContact.relationship", equalTo("spouse"))
                .body("duplicateOverride", equalTo(false))
                .body("createdBy", equalTo("test.receptionist"))
                .body("version", equalTo(0))
                .extract();
        String id = response.path("id");
        String mrn = response.path("mrn");
        assertTrue(MedicalRecordNumber.isValid(mrn), "generated MRN has valid check digits: " + mrn);
        assertTrue(response.header("Location").endsWith("/api/v1/patients/" + id));

        as("receptionist").get("/api/v1/patients/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("mrn", equalTo(mrn))
                .body("address.lines", equalTo(List.of("Hauptstraße 1", "2. OG")))
                .body("emergencyContact.phone", equalTo("+49 30 1234567"));
    }

    @Test
    void everyPatientGetsItsOwnMrn() {
        String first = as("admin").get("/api/v1/patients/{id}", PatientApi.registerSomeone()).path("mrn");
        String second = as("admin").get("/api/v1/patients/{id}", PatientApi.registerSomeone()).path("mrn");
        assertTrue(!first.equals(second) && MedicalRecordNumber.isValid(first) && MedicalRecordNumber.isValid(second));
    }

    @Test
    void invalidFieldsAreListedAndNothingIsStored() {
        String family = PatientApi.uniqueName();
        Map<String, Object> body = new HashMap<>();
        body.put("name", Map.of("family", family, "given", List.of("")));
        body.put("birthDate", LocalDate.now().plusDays(1).toString());
        body.put("sex", "f");
        body.put("phone", "call me");
        body.put("email", "not-an-address");
        body.put("address", Map.of("country", "Germany"));
        body.put("allergies", List.of(Map.of("substance", "latex", "severity", "deadly")));
        body.put("emergencyContact", Map.of("name", "", "phone", "12"));
        as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItems("name.given[0]", "birthDate", "sex", "phone", "email", "address.country",
                        "allergies[0].severity", "emergencyContact.name", "emergencyContact.phone"))
                .body("requestId", notNullValue());
        assertEquals(0, Databases.count(dataSource, "select count(*) from patients where family_name = '" + family + "'"));
    }

    @Test
    void requiredFieldsAreRequired() {
        as("receptionist").body(Map.of("name", Map.of("given", List.of("Ann")))).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("name.family", "birthDate", "sex"));
        as("receptionist").post("/api/v1/patients").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownFieldsAreRejected() {
        Map<String, Object> body = PatientApi.person();
        body.put("mrn", "1000000064");
        as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("mrn"));
    }

    @Test
    void anIdentifierSystemTwiceIsRejected() {
        Map<String, Object> body = PatientApi.person();
        body.put("identifiers", List.of(Map.of("system", "national-id", "value", "A"), Map.of("system", "national-id", "value", "B")));
        as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("identifiers[1].system"));
    }

    @Test
    void anIdentifierBelongsToOnePatient() {
        String value = "INS-" + PatientApi.uniqueName();
        Map<String, Object> first = PatientApi.person();
        first.put("identifiers", List.of(Map.of("system", "insurance", "value", value)));
        PatientApi.register(first);

        Map<String, Object> second = PatientApi.person();
        second.put("identifiers", List.of(Map.of("system", "national-id", "value", value),
                Map.of("system", "insurance", "value", value)));
        String family = (String) ((Map<?, ?>) second.get("name")).get("family");
        as("receptionist").body(second).post("/api/v1/patients?force=true")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "conflict"))
                .body("errors.field", equalTo(List.of("identifiers[1]")));
        assertEquals(0, Databases.count(dataSource, "select count(*) from patients where family_name = '" + family + "'"));
    }

    @Test
    void aLikelyDuplicateStopsTheRegistrationAndCreatesNothing() {
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        String family = PatientApi.uniqueName();
        String existing = PatientApi.register(PatientApi.person(family, birthDate, "Johanna"));
        String mrn = as("admin").get("/api/v1/patients/{id}", existing).path("mrn");

        // same birth date, the name with a typo and written differently
        Map<String, Object> again = PatientApi.person(family.toUpperCase(), birthDate, "Johana");
        as("receptionist").body(again).post("/api/v1/patients")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "possible-duplicate"))
                .body("status", equalTo(409))
                .body("detail", containsString("force=true"))
                .body("candidates", hasSize(1))
                .body("candidates[0].id", equalTo(existing))
                .body("candidates[0].mrn", equalTo(mrn))
                .body("candidates[0].familyName", equalTo(family))
                .body("candidates[0].givenNames", equalTo(List.of("Johanna")))
                .body("candidates[0].birthDate", equalTo(birthDate.toString()))
                .body("candidates[0].matchedOn", equalTo(List.of("birthDate+name")))
                .body("candidates[0].phone", org.hamcrest.Matchers.nullValue());
        assertEquals(1, Databases.count(dataSource, "select count(*) from patients where lower(family_name) = lower('" + family + "')"));
    }

    @Test
    void theSamePhoneNumberIsALikelyDuplicate() {
        Map<String, Object> first = PatientApi.person();
        first.put("phone", "+49 151 " + (100_000_000 + (int) (Math.random() * 800_000_000)));
        String existing = PatientApi.register(first);
        Map<String, Object> other = PatientApi.person();
        // the same number written nationally
        other.put("phone", ((String) first.get("phone")).replace("+49 ", "0"));
        as("receptionist").body(other).post("/api/v1/patients")
                .then().statusCode(409).body("candidates.id", equalTo(List.of(existing)))
                .body("candidates[0].matchedOn", equalTo(List.of("phone")));
    }

    @Test
    void forceRegistersAnywayAndRecordsTheOverride() {
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        String family = PatientApi.uniqueName();
        String existing = PatientApi.register(PatientApi.person(family, birthDate, "Max"));
        String requestId = PatientApi.requestId();

        String id = as("receptionist").header("X-Request-Id", requestId)
                .body(PatientApi.person(family, birthDate, "Max")).post("/api/v1/patients?force=true")
                .then().statusCode(201)
                .body("duplicateOverride", equalTo(true))
                .body("possibleDuplicates", equalTo(List.of(existing)))
                .extract().path("id");
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where action = 'patient.duplicate-override'"
                + " and patient_id = '" + id + "' and request_id = '" + requestId + "'"));
        assertEquals(1, Databases.count(dataSource, "select count(*) from patients where id = '" + id + "' and duplicate_override"));
    }

    @Test
    void withoutLikelyDuplicatesForceChangesNothing() {
        PatientApi.as("admin").body(PatientApi.person()).post("/api/v1/patients?force=true")
                .then().statusCode(201).body("duplicateOverride", equalTo(false)).body("possibleDuplicates", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "doctor"})
    void clinicalStaffDoNotRegister(String role) {
        as(role).body(PatientApi.person()).post("/api/v1/patients")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void anonymousCallersGet401() {
        given().contentType(ContentType.JSON).body(PatientApi.person()).post("/api/v1/patients")
                .then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", containsString("Bearer"));
    }
}

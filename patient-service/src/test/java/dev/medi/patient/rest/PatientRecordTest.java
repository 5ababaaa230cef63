package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Concurrently;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading, correcting (If-Match) and retiring (entered-in-error) a record. */
@QuarkusTest
class PatientRecordTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRecordIsReadWithItsVersionAsETag() {
        String id = PatientApi.registerSomeone();
        as("receptionist").get("/api/v1/patients/{id}", id)
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("status", equalTo("active"));
    }

    @Test
    void unknownPatientsAre404() {
        as("admin").get("/api/v1/patients/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "not-found"));
        as("admin").header("If-Match", "\"0\"").body(Map.of("email", "a@b.org"))
                .patch("/api/v1/patients/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        as("admin").body(Map.of("reason", "registered twice"))
                .post("/api/v1/patients/{id}/entered-in-error", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/patients/{id}", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
        given().contentType("application/json").body(Map.of("email", "a@b.org"))
                .patch("/api/v1/patients/{id}", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = PatientApi.registerSomeone();
        as("receptionist").body(Map.of("email", "new@example.org")).patch("/api/v1/patients/{id}", id)
                .then().statusCode(428).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "precondition-required"));
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", "new@example.org"))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("email", equalTo("new@example.org"))
                .body("version", equalTo(1)).body("updatedBy", equalTo("test.receptionist"));
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", "stale@example.org"))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(412).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "precondition-failed"));
        as("receptionist").header("If-Match", "W/\"1\"").body(Map.of("email", "weak@example.org"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200).header("ETag", "\"2\"");
        as("receptionist").header("If-Match", "not-an-etag").body(Map.of("email", "x@example.org"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(412);
        as("admin").get("/api/v1/patients/{id}", id).then().body("email", equalTo("weak@example.org"));
    }

    @Test
    void ofConcurrentCorrectionsOfOneVersionExactlyOneWins() throws Exception {
        String id = PatientApi.registerSomeone();
        int writers = 6;
        List<Integer> statuses = Concurrently.run(writers, i -> {
            String email = "writer" + i + "@example.org";
            return () -> as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", email))
                    .patch("/api/v1/patients/{id}", id).statusCode();
        });
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
        assertEquals(writers - 1, statuses.stream().filter(status -> status == 412).count(), statuses::toString);
        as("receptionist").get("/api/v1/patients/{id}", id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void givenFieldsReplaceAndClearedFieldsGo() {
        Map<String, Object> person = PatientApi.person("Lena");
        person.put("allergies", List.of(Map.of("substance", "latex")));
        person.put("address", Map.of("city", "Köln", "country", "DE"));
        String id = PatientApi.register(person);
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        as("receptionist").header("If-Match", "\"0\"")
                .body(Map.of("name", Map.of("family", family + "-Berg", "given", List.of("Lena", "Sophie")),
                        "clear", List.of("phone", "allergies")))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(200)
                .body("name.family", equalTo(family + "-Berg"))
                .body("name.given", equalTo(List.of("Lena", "Sophie")))
                .body("phone", nullValue())
                .body("allergies", empty())
                .body("address.city", equalTo("Köln"));
    }

    @Test
    void aCorrectionThatChangesNothingKeepsTheVersion() {
        Map<String, Object> person = PatientApi.person();
        String id = PatientApi.register(person);
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("phone", person.get("phone")))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void invalidCorrectionsAreRejectedAndChangeNothing() {
        String id = PatientApi.registerSomeone();
        as("receptionist").header("If-Match", "\"0\"")
                .body(Map.of("email", "nope", "sex", "x", "allergies", List.of(Map.of("substance", ""))))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("allergies[0].substance", "email", "sex")));
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("mrn", "1000000064"))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("mrn"));
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", "a@b.org", "clear", List.of("email")))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("clear"));
        as("receptionist").header("If-Match", "\"0\"").body(Map.of("clear", List.of("name")))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("clear[]"));
        as("receptionist").get("/api/v1/patients/{id}", id).then().header("ETag", "\"0\"").body("email", nullValue());
    }

    @Test
    void aCorrectionCannotTakeAnotherPatientsIdentifier() {
        String value = "N" + PatientApi.uniqueName();
        Map<String, Object> holder = PatientApi.person();
        holder.put("identifiers", List.of(Map.of("system", "national-id", "value", value)));
        PatientApi.register(holder);
        String id = PatientApi.registerSomeone();
        as("receptionist").header("If-Match", "\"0\"")
                .body(Map.of("identifiers", List.of(Map.of("system", "national-id", "value", value))))
                .patch("/api/v1/patients/{id}", id)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("identifiers[0]")));
    }

    @Test
    void enteredInErrorKeepsTheRecordForAdminsOnly() {
        Map<String, Object> person = PatientApi.person("Otto");
        String value = "N" + PatientApi.uniqueName();
        person.put("identifiers", List.of(Map.of("system", "national-id", "value", value)));
        String id = PatientApi.register(person);
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");

        as("receptionist").body(Map.of("reason", "registered twice"))
                .post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("entered-in-error"))
                .body("enteredInError.by", equalTo("test.receptionist"))
                .body("enteredInError.reason", equalTo("registered twice"));

        // gone for everyone but admins, who see why
        as("receptionist").get("/api/v1/patients/{id}", id)
                .then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "entered-in-error"))
                .body("detail", containsString("entered in error"));
        as("admin").get("/api/v1/patients/{id}", id)
                .then().statusCode(200).body("status", equalTo("entered-in-error"))
                .body("enteredInError.reason", equalTo("registered twice"))
                .body("name.family", equalTo(family));

        // out of the search, for admins too
        // (by id: the search is typo-tolerant, and another test's random name can be close enough to be listed)
        as("admin").queryParam("q", family).get("/api/v1/patients").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("receptionist").queryParam("q", family).get("/api/v1/patients").then().statusCode(200).body("items.id", not(hasItem(id)));

        // final
        as("admin").header("If-Match", "\"1\"").body(Map.of("email", "x@example.org"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(409).contentType(PROBLEM_JSON);
        as("admin").body(Map.of("reason", "again")).post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "conflict"));
        as("receptionist").body(Map.of("reason", "again")).post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(410).contentType(PROBLEM_JSON);

        // the identifier is free for the correct record
        Map<String, Object> correct = PatientApi.person();
        correct.put("identifiers", List.of(Map.of("system", "national-id", "value", value)));
        PatientApi.register(correct);
        assertEquals(1, Databases.count(dataSource,
                "select count(*) from patients where id = '" + id + "' and status = 'entered-in-error'"), "never deleted");
    }

    @Test
    void enteredInErrorNeedsAReasonAndHonoursIfMatch() {
        String id = PatientApi.registerSomeone();
        as("receptionist").body(Map.of("reason", " ")).post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("reason")));
        as("receptionist").header("If-Match", "\"7\"").body(Map.of("reason", "duplicate"))
                .post("/api/v1/patients/{id}/entered-in-error", id).then().statusCode(412).contentType(PROBLEM_JSON);
        as("receptionist").get("/api/v1/patients/{id}", id).then().statusCode(200).body("status", equalTo("active"));
    }
}

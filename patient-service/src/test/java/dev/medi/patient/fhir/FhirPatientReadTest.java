package dev.medi.patient.fhir;

import dev.medi.patient.PatientApi;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.fhir.FhirApi.BASE;
import static dev.medi.patient.fhir.FhirApi.FHIR_JSON;
import static dev.medi.patient.fhir.FhirApi.asClient;
import static dev.medi.patient.fhir.FhirApi.asStaff;
import static dev.medi.patient.fhir.FhirApi.assertOutcome;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /fhir/r4/Patient/{id}: the mapping, the access rules, the audit trail, the errors. */
@QuarkusTest
class FhirPatientReadTest {

    @Inject
    DataSource dataSource;

    private long audited(String requestId, String action, String outcome) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "' and outcome = '" + outcome + "'");
    }

    private String basis(String requestId) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and access_basis = 'front-desk'") == 1 ? "front-desk"
                : Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and access_basis = 'api-client'") == 1 ? "api-client" : "other";
    }

    @Test
    void aRegisteredPatientIsReadAsAValidFhirPatient() {
        String family = PatientApi.uniqueName();
        Map<String, Object> person = FhirApi.fullPerson(family);
        String id = PatientApi.register(person);
        JsonPath registered = PatientApi.as("receptionist").get("/api/v1/patients/{id}", id).then().statusCode(200)
                .extract().jsonPath();

        String read = PatientApi.requestId();
        Response response = asStaff("receptionist").header("X-Request-Id", read).get(BASE + "/Patient/{id}", id);
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .header("ETag", "W/\"0\"")
                .header("Last-Modified", notNullValue())
                .body("resourceType", equalTo("Patient"))
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo("0"))
                .body("meta.lastUpdated", startsWith(registered.getString("updatedAt").substring(0, 19)))
                .body("active", equalTo(true))
                .body("identifier[0].system", equalTo("https://medi-os.dev/fhir/sid/mrn"))
                .body("identifier[0].value", equalTo(registered.getString("mrn")))
                .body("identifier[0].type.coding[0].code", equalTo("MR"))
                .body("identifier[1].system", equalTo("urn:oid:1.2.276.0.76.4.8"))
                .body("identifier[1].value", equalTo(registered.getString("identifiers[0].value")))
                .body("identifier[2].system", equalTo("https://medi-os.dev/fhir/sid/local/national-id"))
                .body("identifier[2].value", equalTo(registered.getString("identifiers[1].value")))
                .body("name[0].use", equalTo("official"))
                .body("name[0].family", equalTo(family))
                .body("name[0].given", equalTo(List.of("Zoë", "Maria")))
                .body("name[0].prefix", equalTo(List.of("Dr.")))
                .body("name[0].suffix", equalTo(List.of("MSc")))
                .body("telecom.find { it.system == 'phone' }.value", equalTo(person.get("phone")))
                .body("telecom.find { it.system == 'email' }.value", equalTo(family.toLowerCase() + "@example.org"))
                .body("gender", equalTo("female"))
                .body("birthDate", equalTo(person.get("birthDate")))
                .body("address[0].use", equalTo("home"))
                .body("address[0].line", equalTo(List.of("Hauptstraße 5", "2. OG")))
                .body("address[0].city", equalTo("Köln"))
                .body("address[0].postalCode", equalTo("50667"))
                .body("address[0].country", equalTo("DE"))
                .body("contact[0].relationship[0].coding[0].system", equalTo("http://terminology.hl7.org/CodeSystem/v2-0131"))
                .body("contact[0].relationship[0].coding[0].code", equalTo("C"))
                .body("contact[0].relationship[1].text", equalTo("brother"))
                .body("contact[0].name.text", equalTo("Max Beispiel"))
                .body("contact[0].telecom[0].value", equalTo("+49 30 1234567"));
        assertFalse(response.asString().contains("penicillin"), "allergies are AllergyIntolerance, not Patient");
        FhirValidation.assertValid(response.asString());

        assertEquals(1, audited(read, "patient.read", "success"));
        assertEquals("front-desk", basis(read));
    }

    @Test
    void theVersionFollowsCorrections() {
        String id = PatientApi.registerSomeone();
        PatientApi.as("receptionist").header("If-Match", "\"0\"").body(Map.of("email", "changed@example.org"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200);
        Response response = asStaff("admin").get(BASE + "/Patient/{id}", id);
        response.then().statusCode(200).header("ETag", "W/\"1\"").body("meta.versionId", equalTo("1"))
                .body("telecom.find { it.system == 'email' }.value", equalTo("changed@example.org"));
        FhirValidation.assertValid(response.asString());
    }

    @Test
    void hospitalSystemsWithPatientReadMayReadAndAreAudited() {
        String id = PatientApi.registerSomeone();
        String clientId = FhirApi.newClientId();
        String read = PatientApi.requestId();
        asClient(clientId, "queue.read patient.read").header("X-Request-Id", read).get(BASE + "/Patient/{id}", id)
                .then().statusCode(200).body("id", equalTo(id));
        assertEquals(1, audited(read, "patient.read", "success"));
        assertEquals("api-client", basis(read));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + read
                + "' and actor = '" + clientId + "' and cardinality(actor_roles) = 0"));

        ConsumerRecord<String, String> record = TopicReader.awaitOne(Topics.AUDIT,
                r -> r.value().contains(read) && read.equals(new JsonObject(r.value()).getString("requestId")));
        JsonObject data = new JsonObject(record.value());
        assertEquals(clientId, data.getString("actor"));
        assertEquals("patient.read", data.getString("action"));
        assertEquals(id, data.getString("targetId"));
        assertEquals("success", data.getString("outcome"));
    }

    @Test
    void hospitalSystemsWithoutPatientReadGet403() {
        String id = PatientApi.registerSomeone();
        String read = PatientApi.requestId();
        Response response = asClient(FhirApi.newClientId(), "queue.read patient.write").header("X-Request-Id", read)
                .get(BASE + "/Patient/{id}", id);
        assertOutcome(response, 403, "forbidden");
        response.then().body("issue[0].diagnostics", containsString("patient.read"));
        assertEquals(0, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + read + "'"),
                "refused before any patient was looked at");
        // a token with neither a staff role nor a client id
        assertOutcome(given().auth().oauth2(TestTokens.forRoles("auditor")).get(BASE + "/Patient/{id}", id), 403, "forbidden");
    }

    @Test
    void withoutAValidTokenItIs401() {
        String id = PatientApi.registerSomeone();
        Response anonymous = given().accept(FHIR_JSON).get(BASE + "/Patient/{id}", id);
        assertOutcome(anonymous, 401, "login");
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));

        // rejected by the HTTP security layer before the resource runs
        String token = TestTokens.forRoles("receptionist");
        Response forged = given().auth().oauth2(token.substring(0, token.length() - 4) + "AAAA").get(BASE + "/Patient/{id}", id);
        assertOutcome(forged, 401, "login");
        assertEquals("Bearer", forged.header("WWW-Authenticate"));
        assertOutcome(given().auth().oauth2(FhirApi.clientToken(FhirApi.newClientId(), "patient.read", -120))
                .get(BASE + "/Patient/{id}", id), 401, "login");
        assertOutcome(given().auth().oauth2("not-a-jwt").get(BASE + "/Patient/{id}", id), 401, "login");
        // and the rest of the service keeps its problem+json
        given().auth().oauth2("not-a-jwt").get("/api/v1/patients/{id}", id).then().statusCode(401)
                .contentType(PatientApi.PROBLEM_JSON);
    }

    @Test
    void unknownIdsAre404() {
        assertOutcome(asStaff("admin").get(BASE + "/Patient/{id}", UUID.randomUUID()), 404, "not-found");
        assertOutcome(asStaff("admin").get(BASE + "/Patient/not-a-uuid"), 404, "not-found");
    }

    @Test
    void recordsEnteredInErrorAre410EvenForAdmins() {
        String id = PatientApi.registerSomeone();
        PatientApi.as("receptionist").body(Map.of("reason", "registered twice")).post("/api/v1/patients/{id}/entered-in-error", id)
                .then().statusCode(200);
        String read = PatientApi.requestId();
        assertOutcome(asStaff("receptionist").header("X-Request-Id", read).get(BASE + "/Patient/{id}", id), 410, "deleted");
        assertEquals(1, audited(read, "patient.read", "denied"));
        assertOutcome(asStaff("admin").get(BASE + "/Patient/{id}", id), 410, "deleted");
        assertOutcome(asClient(FhirApi.newClientId(), "patient.read").get(BASE + "/Patient/{id}", id), 410, "deleted");
    }

    @Test
    void cliniciansReadOnlyThePatientsOfTheirDepartments() {
        String id = PatientApi.registerSomeone();
        String department = UUID.randomUUID().toString();
        String token = TestTokens.forRolesIn(List.of(department), "nurse");

        String refused = PatientApi.requestId();
        Response response = given().auth().oauth2(token).header("X-Request-Id", refused).get(BASE + "/Patient/{id}", id);
        assertOutcome(response, 403, "forbidden");
        response.then().body("issue[0].diagnostics", containsString("break-glass"));
        assertEquals(1, audited(refused, "patient.read", "denied"));

        PatientApi.linkToDepartment(dataSource, id, department);
        String allowed = PatientApi.requestId();
        given().auth().oauth2(token).header("X-Request-Id", allowed).get(BASE + "/Patient/{id}", id)
                .then().statusCode(200).body("id", equalTo(id));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + allowed
                + "' and action = 'patient.read' and outcome = 'success' and access_basis = 'queue-entry'"));
    }

    @Test
    void patientsWithOnlyTheRequiredFieldsAreValidToo() {
        String id = PatientApi.as("receptionist").body(Map.of("name", Map.of("family", PatientApi.uniqueName()),
                        "birthDate", PatientApi.uniqueBirthDate().toString(), "sex", "unknown"))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        Response response = asStaff("receptionist").get(BASE + "/Patient/{id}", id);
        response.then().statusCode(200).body("gender", equalTo("unknown"));
        assertNull(response.jsonPath().get("telecom"));
        assertNull(response.jsonPath().get("contact"));
        FhirValidation.assertValid(response.asString());
    }
}

package dev.medi.patient.fhir;

import dev.medi.devstack.DevTokens;
import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.fhir.FhirApi.BASE;
import static dev.medi.patient.fhir.FhirApi.FHIR_JSON;
import static dev.medi.patient.fhir.FhirApi.asClient;
import static dev.medi.patient.fhir.FhirApi.asStaff;
import static dev.medi.patient.fhir.FhirApi.assertOutcome;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encounter and Observation read and search, Patient/$everything and the export: mapping, R4 validity, access, audit. */
@QuarkusTest
class FhirClinicalTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();
    private String patient;
    private String openEncounter;
    private String closedEncounter;
    private Map<String, String> observationIds;

    private RequestSpecification doctor() {
        return PatientApi.asUser("doctor.fhir", List.of(department), "doctor");
    }

    private RequestSpecification fhirDoctor() {
        return doctor().accept(FHIR_JSON);
    }

    private long audited(String requestId, String action, String outcome) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "' and outcome = '" + outcome + "'");
    }

    private static Map<String, Object> vital(String code, Object value, String unit) {
        Map<String, Object> vital = new HashMap<>();
        vital.put("code", code);
        vital.put("value", value);
        vital.put("unit", unit);
        return vital;
    }

    @BeforeEach
    void aPatientWithTwoEncountersAndVitals() {
        patient = PatientApi.register(PatientApi.person(PatientApi.uniqueName(), LocalDate.now().minusYears(52), "Ira"));
        PatientApi.linkToDepartment(dataSource, patient, department);
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        closedEncounter = doctor().body(Map.of("departmentId", department, "startedAt", lastWeek.toString(),
                        "reason", "sprained ankle", "room", "2"))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(201).extract().path("id");
        doctor().body(Map.of("outcome", "completed")).post("/api/v1/encounters/{id}/close", closedEncounter)
                .then().statusCode(200);
        openEncounter = doctor().body(Map.of("departmentId", department, "encounterClass", "EMER", "reason", "fever"))
                .post("/api/v1/patients/{id}/encounters", patient).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> items = doctor().body(Map.of("encounterId", openEncounter, "vitals", List.of(
                        vital("8867-4", 112, "/min"), vital("9279-1", 22, "/min"), vital("59408-5", 95, "%"),
                        vital("8480-6", 105, "mm[Hg]"), vital("8462-4", 85, "mm[Hg]"), vital("8310-5", 38.9, "Cel"),
                        vital("72514-3", 2, "{score}"), Map.of("code", "67775-7", "valueCode", "A"),
                        vital("29463-7", 81.2, "kg"), vital("8302-2", 178, "cm"))))
                .post("/api/v1/patients/{id}/observations", patient).then().statusCode(201).extract().path("items");
        observationIds = new HashMap<>();
        items.forEach(item -> observationIds.put((String) item.get("code"), (String) item.get("id")));
    }

    @Test
    void anEncounterIsReadAsAValidFhirEncounter() {
        String request = PatientApi.requestId();
        Response response = fhirDoctor().header("X-Request-Id", request).get(BASE + "/Encounter/{id}", closedEncounter);
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .header("ETag", "W/\"1\"")
                .body("resourceType", equalTo("Encounter"))
                .body("id", equalTo(closedEncounter))
                .body("status", equalTo("finished"))
                .body("class.code", equalTo("AMB"))
                .body("subject.reference", equalTo("Patient/" + patient))
                .body("participant[0].individual.identifier.value", equalTo(DevTokens.userId("doctor.fhir")))
                .body("period.start", notNullValue())
                .body("period.end", notNullValue())
                .body("reasonCode[0].text", equalTo("sprained ankle"))
                .body("hospitalization.dischargeDisposition.coding[0].code", equalTo("completed"))
                .body("location[0].location.display", equalTo("2"))
                .body("serviceProvider.identifier.value", equalTo(department));
        FhirValidation.assertValid(response.asString());
        assertEquals(1, audited(request, "encounter.read", "success"));
        fhirDoctor().get(BASE + "/Encounter/{id}", openEncounter).then().statusCode(200)
                .body("status", equalTo("in-progress")).body("class.code", equalTo("EMER"));
    }

    @Test
    void encountersAreSearchedByPatientStatusAndDate() {
        String request = PatientApi.requestId();
        Response all = fhirDoctor().header("X-Request-Id", request).queryParam("patient", patient).get(BASE + "/Encounter");
        all.then().statusCode(200).body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                .body("entry.resource.id", equalTo(List.of(openEncounter, closedEncounter)))
                .body("entry.search.mode", equalTo(List.of("match", "match")));
        FhirValidation.assertValid(all.asString());
        assertEquals(1, audited(request, "encounter.search", "success"));

        fhirDoctor().queryParam("subject", "Patient/" + patient).queryParam("status", "finished").get(BASE + "/Encounter")
                .then().statusCode(200).body("entry.resource.id", equalTo(List.of(closedEncounter)));
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        fhirDoctor().queryParam("patient", patient).queryParam("date", "ge" + today).get(BASE + "/Encounter")
                .then().statusCode(200).body("entry.resource.id", equalTo(List.of(openEncounter)));
        fhirDoctor().queryParam("patient", patient).queryParam("date", "lt" + today).get(BASE + "/Encounter")
                .then().statusCode(200).body("entry.resource.id", equalTo(List.of(closedEncounter)));
        Response paged = fhirDoctor().queryParam("patient", patient).queryParam("_count", 1).get(BASE + "/Encounter");
        paged.then().statusCode(200).body("entry.resource.id", equalTo(List.of(openEncounter)));
        String next = paged.jsonPath().getString("link.find { it.relation == 'next' }.url");
        given().auth().oauth2(dev.medi.platform.testing.TestTokens.tokens().accessToken("doctor.fhir", List.of("doctor"),
                        List.of(department))).accept(FHIR_JSON)
                .get(next.substring(next.indexOf(BASE))).then().statusCode(200)
                .body("entry.resource.id", equalTo(List.of(closedEncounter)));

        assertOutcome(fhirDoctor().get(BASE + "/Encounter"), 400, "invalid");
        assertOutcome(fhirDoctor().queryParam("patient", patient).queryParam("class", "AMB").get(BASE + "/Encounter"),
                400, "not-supported");
        assertOutcome(fhirDoctor().queryParam("patient", patient).queryParam("date", "2026-13").get(BASE + "/Encounter"),
                400, "invalid");
    }

    @Test
    void vitalSignsAreValidR4VitalSignsWithBloodPressureAsAPanel() {
        String request = PatientApi.requestId();
        Response all = fhirDoctor().header("X-Request-Id", request).queryParam("patient", patient)
                .queryParam("category", "vital-signs").get(BASE + "/Observation");
        all.then().statusCode(200).body("type", equalTo("searchset"))
                .body("entry.size()", equalTo(9)) // ten signs, blood pressure as one panel
                .body("entry.resource.collect { it.code.coding[0].code }", containsInAnyOrder("8867-4", "9279-1", "2708-6", "85354-9",
                        "8310-5", "72514-3", "67775-7", "29463-7", "8302-2"));
        FhirValidation.assertValid(all.asString());
        assertEquals(1, audited(request, "observation.search", "success"));

        JsonPath bp = fhirDoctor().queryParam("patient", patient).queryParam("code", "http://loinc.org|85354-9")
                .get(BASE + "/Observation").then().statusCode(200).body("entry.size()", equalTo(1)).extract().jsonPath();
        assertEquals(observationIds.get("8480-6"), bp.getString("entry[0].resource.id"));
        assertEquals(List.of("8480-6", "8462-4"), bp.getList("entry[0].resource.component.collect { it.code.coding[0].code }"));
        assertEquals(List.of(105, 85), bp.getList("entry[0].resource.component.valueQuantity.value"));
        assertEquals(List.of("L", "N"), bp.getList("entry[0].resource.component.collect { it.interpretation[0].coding[0].code }"));
        assertEquals("http://hl7.org/fhir/StructureDefinition/bp", bp.getString("entry[0].resource.meta.profile[0]"));

        Response heart = fhirDoctor().get(BASE + "/Observation/{id}", observationIds.get("8867-4"));
        heart.then().statusCode(200)
                .body("meta.profile", hasItem("http://hl7.org/fhir/StructureDefinition/heartrate"))
                .body("category[0].coding[0].code", equalTo("vital-signs"))
                .body("valueQuantity.value", equalTo(112))
                .body("valueQuantity.system", equalTo("http://unitsofmeasure.org"))
                .body("valueQuantity.code", equalTo("/min"))
                .body("interpretation[0].coding[0].code", equalTo("H"))
                .body("encounter.reference", equalTo("Encounter/" + openEncounter))
                .body("subject.reference", equalTo("Patient/" + patient));
        FhirValidation.assertValid(heart.asString());
        Response spo2 = fhirDoctor().get(BASE + "/Observation/{id}", observationIds.get("59408-5"));
        spo2.then().statusCode(200).body("code.coding.code", equalTo(List.of("2708-6", "59408-5")));
        FhirValidation.assertValid(spo2.asString());
        Response avpu = fhirDoctor().get(BASE + "/Observation/{id}", observationIds.get("67775-7"));
        avpu.then().statusCode(200).body("valueCodeableConcept.coding[0].code", equalTo("248234008"));
        FhirValidation.assertValid(avpu.asString());

        fhirDoctor().queryParam("patient", patient).queryParam("code", "8867-4,8310-5").get(BASE + "/Observation")
                .then().statusCode(200).body("entry.size()", equalTo(2));
        fhirDoctor().queryParam("patient", patient).queryParam("category", "laboratory").get(BASE + "/Observation")
                .then().statusCode(200).body("entry", org.hamcrest.Matchers.nullValue());
        fhirDoctor().queryParam("patient", patient).queryParam("date", "lt2000").get(BASE + "/Observation")
                .then().statusCode(200).body("entry", org.hamcrest.Matchers.nullValue());
        assertOutcome(fhirDoctor().get(BASE + "/Observation/{id}", observationIds.get("8462-4")), 404, "not-found");
        assertOutcome(fhirDoctor().get(BASE + "/Observation/{id}", UUID.randomUUID()), 404, "not-found");
        assertOutcome(fhirDoctor().get(BASE + "/Encounter/{id}", UUID.randomUUID()), 404, "not-found");
        assertOutcome(fhirDoctor().queryParam("patient", UUID.randomUUID()).get(BASE + "/Observation"), 404, "not-found");
    }

    @Test
    void everythingIsABundleOfTheWholeRecord() {
        String request = PatientApi.requestId();
        Response response = fhirDoctor().header("X-Request-Id", request).get(BASE + "/Patient/{id}/$everything", patient);
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("entry.size()", equalTo(1 + 2 + 9))
                .body("entry[0].resource.resourceType", equalTo("Patient"))
                .body("entry[0].search.mode", equalTo("match"))
                .body("entry.resource.resourceType.findAll { it == 'Encounter' }.size()", equalTo(2))
                .body("entry.resource.resourceType.findAll { it == 'Observation' }.size()", equalTo(9));
        FhirValidation.assertValid(response.asString());
        assertEquals(1, audited(request, "patient.export", "success"));
    }

    @Test
    void theExportIsACollectionBundle() {
        String request = PatientApi.requestId();
        Response response = doctor().header("X-Request-Id", request).get("/api/v1/patients/{id}/export", patient);
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .header("Content-Disposition", startsWith("attachment"))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("collection"))
                .body("timestamp", notNullValue())
                .body("entry.size()", equalTo(12))
                .body("entry[0].fullUrl", startsWith("http"));
        FhirValidation.assertValid(response.asString());
        assertEquals(1, audited(request, "patient.export", "success"));

        given().get("/api/v1/patients/{id}/export", patient).then().statusCode(401).contentType(PatientApi.PROBLEM_JSON);
        String refused = PatientApi.requestId();
        PatientApi.as("receptionist").header("X-Request-Id", refused).get("/api/v1/patients/{id}/export", patient)
                .then().statusCode(403).contentType(PatientApi.PROBLEM_JSON)
                .body("type", equalTo(PatientApi.PROBLEMS + "forbidden"));
        assertEquals(1, audited(refused, "patient.export", "denied"));
        doctor().get("/api/v1/patients/{id}/export", UUID.randomUUID()).then().statusCode(404)
                .contentType(PatientApi.PROBLEM_JSON);
    }

    @Test
    void clinicalDataFollowsTheAccessRules() {
        String refused = PatientApi.requestId();
        assertOutcome(asStaff("receptionist").header("X-Request-Id", refused).get(BASE + "/Encounter/{id}", openEncounter),
                403, "forbidden");
        assertEquals(1, audited(refused, "encounter.read", "denied"));
        assertOutcome(PatientApi.asUser("nurse.other", List.of(UUID.randomUUID().toString()), "nurse").accept(FHIR_JSON)
                .queryParam("patient", patient).get(BASE + "/Observation"), 403, "forbidden");
        assertOutcome(PatientApi.asUser("nurse.other", List.of(UUID.randomUUID().toString()), "nurse").accept(FHIR_JSON)
                .get(BASE + "/Patient/{id}/$everything", patient), 403, "forbidden");
        assertOutcome(given().accept(FHIR_JSON).get(BASE + "/Encounter/{id}", openEncounter), 401, "login");
        assertOutcome(asClient(FhirApi.newClientId(), "queue.read").get(BASE + "/Encounter/{id}", openEncounter),
                403, "forbidden");

        String client = FhirApi.newClientId();
        String request = PatientApi.requestId();
        asClient(client, "patient.read").header("X-Request-Id", request).queryParam("patient", patient)
                .get(BASE + "/Observation").then().statusCode(200).body("entry.size()", equalTo(9));
        assertTrue(Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + request
                + "' and actor = '" + client + "' and access_basis = 'api-client'") == 1);
        asStaff("admin").get(BASE + "/Encounter/{id}", openEncounter).then().statusCode(200);
    }
}

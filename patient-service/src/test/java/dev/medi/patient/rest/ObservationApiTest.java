package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/patients/{id}/observations: recording vital signs (validated, flagged by age) and listing them. */
@QuarkusTest
class ObservationApiTest {

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();

    private RequestSpecification nurse() {
        return PatientApi.asUser("nurse.obs", List.of(department), "nurse");
    }

    private String linkedPatient(LocalDate birthDate) {
        String patient = PatientApi.register(PatientApi.person(PatientApi.uniqueName(), birthDate, "Robin"));
        PatientApi.linkToDepartment(dataSource, patient, department);
        return patient;
    }

    private String adult() {
        return linkedPatient(LocalDate.now().minusYears(45).minusDays(10));
    }

    private long stored(String patient) {
        return Databases.count(dataSource, "select count(*) from observations where patient_id = '" + patient + "'");
    }

    private static Map<String, Object> vital(String code, Object value, String unit) {
        Map<String, Object> vital = new HashMap<>();
        vital.put("code", code);
        vital.put("value", value);
        vital.put("unit", unit);
        return vital;
    }

    private static List<Map<String, Object>> fullSet() {
        return List.of(vital("8867-4", 72, "/min"), vital("9279-1", 16, "/min"), vital("59408-5", 98, "%"),
                vital("8480-6", 124, "mm[Hg]"), vital("8462-4", 78, "mm[Hg]"), vital("8310-5", 36.8, "Cel"),
                vital("72514-3", 3, "{score}"), Map.of("code", "67775-7", "valueCode", "V"),
                vital("29463-7", 70.5, "kg"), vital("8302-2", 172, "cm"));
    }

    @Test
    void aNurseRecordsAFullSetFlaggedForTheAdult() {
        String patient = adult();
        String request = PatientApi.requestId();
        Instant measured = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        nurse().header("X-Request-Id", request).body(Map.of("effectiveAt", measured.toString(), "vitals", fullSet()))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(201)
                .body("items.size()", equalTo(10))
                .body("items.code", containsInAnyOrder("8867-4", "9279-1", "59408-5", "8480-6", "8462-4", "8310-5",
                        "72514-3", "67775-7", "29463-7", "8302-2"))
                .body("items.find { it.code == '8867-4' }.interpretation", equalTo("N"))
                .body("items.find { it.code == '8867-4' }.unit", equalTo("/min"))
                .body("items.find { it.code == '67775-7' }.valueCode", equalTo("V"))
                .body("items.find { it.code == '67775-7' }.interpretation", equalTo("AA"))
                .body("items.find { it.code == '8310-5' }.value", equalTo(36.8f))
                .body("items.find { it.code == '29463-7' }.interpretation", equalTo(null))
                .body("items.source", hasItem("direct"))
                .body("items.recordedBy", hasItem("nurse.obs"))
                .body("items.effectiveAt", hasItem(measured.toString()));
        assertEquals(10, stored(patient));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + request
                + "' and action = 'observation.create' and outcome = 'success' and patient_id = '" + patient + "'"));

        String listing = PatientApi.requestId();
        nurse().header("X-Request-Id", listing).queryParam("code", "2708-6").get("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(200).body("items.code", equalTo(List.of("59408-5"))).body("items[0].value", equalTo(98));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + listing
                + "' and action = 'observation.search' and outcome = 'success'"));
        nurse().get("/api/v1/patients/{id}/observations", patient).then().statusCode(200).body("items.size()", equalTo(10));
        nurse().queryParam("since", Instant.now().plus(1, ChronoUnit.MINUTES).toString())
                .get("/api/v1/patients/{id}/observations", patient).then().statusCode(200).body("items.size()", equalTo(0));
        nurse().queryParam("limit", 4).get("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(200).body("items.size()", equalTo(4)).body("next", org.hamcrest.Matchers.notNullValue());

        var event = TopicReader.awaitOne(Topics.PATIENT_EVENTS, record -> patient.equals(record.key())
                && "medi.patient.observation.recorded.v1".equals(TopicReader.header(record, "ce_type")));
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, event.value());
        // no values in the event: only ids, codes and where they came from (checked by field: a substring check
        // of "124" also matched the hex of the ids now and then)
        io.vertx.core.json.JsonObject data = new io.vertx.core.json.JsonObject(event.value());
        assertTrue(java.util.Set.of("patientId", "setId", "encounterId", "queueEntryId", "source", "effectiveAt",
                "observations").containsAll(data.fieldNames()), () -> "unexpected fields: " + data.fieldNames());
        assertEquals(10, data.getJsonArray("observations").size());
        data.getJsonArray("observations").forEach(item -> assertEquals(java.util.Set.of("id", "code"),
                ((io.vertx.core.json.JsonObject) item).fieldNames(), "an observation is named by id and code only"));
    }

    @Test
    void theSameHeartRateIsNormalForAChildAndHighForAnAdult() {
        String child = linkedPatient(LocalDate.now().minusYears(4).minusDays(20));
        String adult = adult();
        for (String patient : List.of(child, adult)) {
            nurse().body(Map.of("vitals", List.of(vital("8867-4", 110, "/min"), vital("9279-1", 24, "/min"))))
                    .post("/api/v1/patients/{id}/observations", patient).then().statusCode(201);
        }
        nurse().queryParam("code", "8867-4").get("/api/v1/patients/{id}/observations", child)
                .then().body("items[0].interpretation", equalTo("N"));
        nurse().queryParam("code", "8867-4").get("/api/v1/patients/{id}/observations", adult)
                .then().body("items[0].interpretation", equalTo("H"));
        nurse().queryParam("code", "9279-1").get("/api/v1/patients/{id}/observations", child)
                .then().body("items[0].interpretation", equalTo("N"));
        nurse().queryParam("code", "9279-1").get("/api/v1/patients/{id}/observations", adult)
                .then().body("items[0].interpretation", equalTo("H"));
    }

    @Test
    void badVitalsAre400AndNothingIsStored() {
        String patient = adult();
        nurse().body(Map.of("vitals", List.of(vital("8867-4", 72, "/min"), vital("1234-5", 1, "/min"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", equalTo(List.of("vitals[1].code")));
        nurse().body(Map.of("vitals", List.of(vital("8310-5", 98.6, "[degF]"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", hasItems("vitals[0].unit", "vitals[0].value"));
        nurse().body(Map.of("vitals", List.of(vital("8867-4", 400, "/min"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("vitals[0].value")));
        nurse().body(Map.of("vitals", List.of(vital("8480-6", 120, "mm[Hg]"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("vitals")));
        nurse().body(Map.of("vitals", List.of(vital("8480-6", 70, "mm[Hg]"), vital("8462-4", 90, "mm[Hg]"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("vitals")));
        nurse().body(Map.of("vitals", List.of(Map.of("code", "67775-7", "valueCode", "X"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("vitals[0].valueCode")));
        nurse().body(Map.of("vitals", List.of()))
                .post("/api/v1/patients/{id}/observations", patient).then().statusCode(400).contentType(PROBLEM_JSON);
        nurse().body(Map.of("vitals", List.of(vital("8867-4", 72, "/min")), "effectiveAt",
                        Instant.now().plus(2, ChronoUnit.HOURS).toString()))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("effectiveAt")));
        // an encounter of another patient
        String other = adult();
        String encounter = PatientApi.asUser("doctor.obs", List.of(department), "doctor")
                .body(Map.of("departmentId", department)).post("/api/v1/patients/{id}/encounters", other)
                .then().statusCode(201).extract().path("id");
        nurse().body(Map.of("encounterId", encounter, "vitals", List.of(vital("8867-4", 72, "/min"))))
                .post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("encounterId")));
        nurse().queryParam("code", "0000-0").get("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("code")));
        nurse().queryParam("since", "yesterday").get("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(400).body("errors.field", equalTo(List.of("since")));
        assertEquals(0, stored(patient));

        // with its own encounter it is accepted
        nurse().body(Map.of("encounterId", encounter, "vitals", List.of(vital("8867-4", 72, "/min"))))
                .post("/api/v1/patients/{id}/observations", other)
                .then().statusCode(201).body("items[0].encounterId", equalTo(encounter));
    }

    @Test
    void accessIsCheckedAndAudited() {
        String patient = adult();
        Map<String, Object> body = Map.of("vitals", List.of(vital("8867-4", 72, "/min")));
        given().contentType("application/json").body(body).post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().get("/api/v1/patients/{id}/observations", patient).then().statusCode(401);
        PatientApi.as("receptionist").body(body).post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        PatientApi.as("admin").body(body).post("/api/v1/patients/{id}/observations", patient).then().statusCode(403);
        String outside = PatientApi.requestId();
        PatientApi.asUser("nurse.elsewhere", List.of(UUID.randomUUID().toString()), "nurse").header("X-Request-Id", outside)
                .body(body).post("/api/v1/patients/{id}/observations", patient)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + outside
                + "' and action = 'observation.create' and outcome = 'denied'"));
        assertEquals(0, stored(patient));
        nurse().body(body).post("/api/v1/patients/{id}/observations", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON);
        nurse().get("/api/v1/patients/{id}/observations", UUID.randomUUID()).then().statusCode(404);
        PatientApi.as("admin").get("/api/v1/patients/{id}/observations", patient).then().statusCode(200);
    }
}

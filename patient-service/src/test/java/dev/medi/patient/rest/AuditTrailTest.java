package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every read and write of patient data leaves an audit record, locally and on medi.audit.v1. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    private long rows(String requestId) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId + "'");
    }

    private long rows(String requestId, String action) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "'");
    }

    @Test
    void eachOperationOnOnePatientWritesOneRecord() {
        String create = PatientApi.requestId();
        String id = as("receptionist").header("X-Request-Id", create).body(PatientApi.person())
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        assertEquals(1, rows(create));
        assertEquals(1, rows(create, "patient.create"));

        String read = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", read).get("/api/v1/patients/{id}", id).then().statusCode(200);
        assertEquals(1, rows(read, "patient.read"));
        assertEquals(1, rows(read));

        String update = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", update).header("If-Match", "\"0\"").body(Map.of("email", "a@example.org"))
                .patch("/api/v1/patients/{id}", id).then().statusCode(200);
        assertEquals(1, rows(update, "patient.update"));
        assertEquals(1, rows(update));

        String retire = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", retire).body(Map.of("reason", "test patient"))
                .post("/api/v1/patients/{id}/entered-in-error", id).then().statusCode(200);
        assertEquals(1, rows(retire, "patient.entered-in-error"));

        String gone = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", gone).get("/api/v1/patients/{id}", id).then().statusCode(410);
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + gone
                + "' and outcome = 'denied'"));
    }

    @Test
    void aSearchAuditsEveryPatientItReturns() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(PatientApi.register(PatientApi.person(family, birthDate.plusDays(i), "Nils")));
        }
        String search = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", search).queryParam("q", family).get("/api/v1/patients")
                .then().statusCode(200).body("items", hasSize(3));
        assertEquals(3, rows(search, "patient.search"));
        assertEquals(3, rows(search));
        assertEquals(ids.size(), Databases.count(dataSource, "select count(distinct patient_id) from audit_log where request_id = '"
                + search + "' and access_basis = 'front-desk'"));

        String empty = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", empty).queryParam("q", "qq" + PatientApi.uniqueName())
                .get("/api/v1/patients").then().statusCode(200);
        assertEquals(0, rows(empty), "nothing returned, nothing to audit");
    }

    @Test
    void duplicatesShownAtRegistrationAreAudited() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        String existing = PatientApi.register(PatientApi.person(family, birthDate, "Pia"));
        String attempt = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", attempt).body(PatientApi.person(family, birthDate, "Pia"))
                .post("/api/v1/patients").then().statusCode(409);
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + attempt
                + "' and action = 'patient.duplicate-check' and patient_id = '" + existing + "'"));
        assertEquals(1, rows(attempt), "and nothing else: no patient was created");
    }

    @Test
    void auditRecordsArePublishedToTheAuditTopic() {
        Map<String, Object> person = PatientApi.person();
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        String id = PatientApi.register(person);
        String read = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", read).get("/api/v1/patients/{id}", id).then().statusCode(200);

        ConsumerRecord<String, String> record = TopicReader.awaitOne(Topics.AUDIT,
                r -> r.value().contains(read) && read.equals(new JsonObject(r.value()).getString("requestId")));
        assertEquals(id, record.key());
        assertEquals("medi.audit.recorded.v1", TopicReader.header(record, "ce_type"));
        assertEquals("/medi/patient-service", TopicReader.header(record, "ce_source"));
        JsonObject data = new JsonObject(record.value());
        assertEquals("test.receptionist", data.getString("actor"));
        assertEquals(List.of("receptionist"), data.getJsonArray("actorRoles").getList());
        assertEquals("patient.read", data.getString("action"));
        assertEquals("patient", data.getString("targetType"));
        assertEquals(id, data.getString("targetId"));
        assertEquals("success", data.getString("outcome"));
        assertFalse(record.value().contains(family), "identifiers only, no names");

        // a search with two results puts two records on the topic
        String family2 = PatientApi.uniqueName();
        PatientApi.register(PatientApi.person(family2, PatientApi.uniqueBirthDate(), "Ute"));
        PatientApi.register(PatientApi.person(family2, PatientApi.uniqueBirthDate(), "Ute"));
        String search = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", search).queryParam("q", family2).get("/api/v1/patients").then().statusCode(200);
        List<ConsumerRecord<String, String>> searched = TopicReader.awaitRecords(Topics.AUDIT,
                r -> r.value().contains(search), 2);
        assertEquals(2, searched.size());
        assertTrue(searched.stream().allMatch(r -> "patient.search".equals(new JsonObject(r.value()).getString("action"))));
    }

    @Test
    void adminsQueryTheAuditLogByPatientActorAndAction() {
        String id = PatientApi.registerSomeone();
        String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);
        String department = UUID.randomUUID().toString();
        PatientApi.asUser(doctor, List.of(department), "doctor").get("/api/v1/patients/{id}", id).then().statusCode(403);
        PatientApi.asUser(doctor, List.of(department), "doctor").body(Map.of("reason", "resuscitation in progress"))
                .post("/api/v1/patients/{id}/break-glass", id).then().statusCode(201);
        PatientApi.asUser(doctor, List.of(department), "doctor").get("/api/v1/patients/{id}", id).then().statusCode(200);

        JsonPath byPatient = as("admin").queryParam("patientId", id).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("patient.read", "patient.break-glass", "patient.read", "patient.create"),
                byPatient.getList("items.action"), "newest first");
        assertEquals(List.of("success", "success", "denied", "success"), byPatient.getList("items.outcome"));
        assertEquals("break-glass", byPatient.getString("items[0].accessBasis"));
        assertNull(byPatient.getString("next"));

        as("admin").queryParam("actor", doctor).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(3)).body("items.actor", everyItem(equalTo(doctor)))
                .body("items[0].actorRoles", equalTo(List.of("doctor")));
        as("admin").queryParam("actor", doctor).queryParam("action", "patient.break-glass").get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].patientId", equalTo(id));
        as("admin").queryParam("actor", doctor).queryParam("outcome", "denied").get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].action", equalTo("patient.read"));

        JsonPath first = as("admin").queryParam("patientId", id).queryParam("limit", 3).get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(3)).extract().jsonPath();
        as("admin").queryParam("patientId", id).queryParam("limit", 3).queryParam("before", first.getString("next"))
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("patient.create"))).body("next", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"receptionist", "nurse", "doctor"})
    void onlyAdminsReadTheAuditLog(String role) {
        as(role).queryParam("patientId", UUID.randomUUID()).get("/api/v1/audit")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void badAuditQueriesAreRejected() {
        given().get("/api/v1/audit").then().statusCode(401).contentType(PROBLEM_JSON);
        as("admin").queryParam("patientId", "not-a-uuid").get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("patientId")));
        as("admin").queryParam("limit", 0).get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON);
        as("admin").queryParam("outcome", "maybe").get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void theAuditLogCannotBeChanged() {
        PatientApi.registerSomeone();
        assertThrows(IllegalStateException.class, () -> PatientApi.execute(dataSource, "update audit_log set actor = 'someone else'"));
        assertThrows(IllegalStateException.class, () -> PatientApi.execute(dataSource, "delete from audit_log"));
        assertTrue(Databases.count(dataSource, "select count(*) from audit_log") > 0);
    }
}

package dev.medi.ai.rest;

import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertProblem;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static dev.medi.platform.testing.ProblemAssertions.assertValidationFailed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST and GET /api/v1/ai/triage-suggestions, GET /api/v1/ai/triage-agreement: answers, storage, refusals. */
@QuarkusTest
class TriageSuggestionResourceTest {

    private static final String PATH = "/api/v1/ai/triage-suggestions";

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();

    private RequestSpecification as(String role, String... departments) {
        return given().auth().oauth2(TestTokens.forRolesIn(List.of(departments), role)).contentType(ContentType.JSON);
    }

    private Map<String, Object> body(String complaint) {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", department);
        body.put("chiefComplaint", complaint);
        return body;
    }

    private long stored() {
        return Databases.count(dataSource, "select count(*) from triage_suggestions where department_id = '" + department + "'");
    }

    @Test
    void aNurseGetsAStoredSuggestionCombiningComplaintAndVitals() {
        String entry = UUID.randomUUID().toString();
        Map<String, Object> body = body("abdominal pain since this morning, denies chest pain");
        body.put("queueEntryId", entry);
        body.put("ageYears", 34);
        body.put("vitals", Map.of("heartRate", 124, "respiratoryRate", 18, "spo2", 97, "consciousness", "ALERT"));

        String id = as("nurse", department).body(body).post(PATH).then().statusCode(200)
                .body("suggestedLevel", equalTo(2))
                .body("departmentId", equalTo(department))
                .body("queueEntryId", equalTo(entry))
                .body("source", equalTo("request"))
                .body("advisor.engine", equalTo("offline"))
                .body("advisor.model", equalTo("medi-triage-rules-1"))
                .body("advisor.level", equalTo(3))
                .body("ruleEngine.level", equalTo(2))
                .body("ruleEngine.rule", equalTo("D_DANGER_ZONE_VITALS"))
                .body("ruleEngine.dangerZoneVitals", equalTo(List.of("heartRate")))
                .body("expectedResources.count", equalTo(4))
                .body("expectedResources.kinds", hasItem("IV fluids"))
                .body("highRiskPresentations", equalTo(List.of()))
                .body("rationale", containsString("Negated in the complaint, not counted: chest pain"))
                .body("rationale", not(containsString("since this morning")))
                .body("nurse", nullValue())
                .extract().path("id");
        assertEquals(1, stored());
        assertEquals(1, Databases.count(dataSource, "select count(*) from triage_suggestions where id = '" + id
                + "' and suggested_level = 2 and engine_rule = 'D_DANGER_ZONE_VITALS' and requested_by = 'test.nurse'"
                + " and vitals::jsonb ->> 'heartRate' = '124' and outcome is null"));

        // the latest of the entry, for the nurse or a doctor of the department
        as("doctor", department).get(PATH + "?queueEntryId={e}", entry).then().statusCode(200)
                .body("id", equalTo(id)).body("suggestedLevel", equalTo(2));
    }

    @Test
    void aDoctorMayAskWithoutAnEntryAgeOrVitals() {
        as("doctor", department).body(body("sudden facial droop and slurred speech")).post(PATH).then().statusCode(200)
                .body("suggestedLevel", equalTo(2))
                .body("highRiskPresentations", equalTo(List.of("signs of stroke (face, arm, speech, vision)")))
                .body("rationale", containsString("Age not given"))
                .body("queueEntryId", nullValue());
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        assertValidationFailed(as("nurse", department).body(body("")).post(PATH));
        assertValidationFailed(as("nurse", department).body(body("?!. ,")).post(PATH));
        Map<String, Object> oldAge = body("cough");
        oldAge.put("ageYears", 151);
        assertValidationFailed(as("nurse", department).body(oldAge).post(PATH));
        Map<String, Object> badPain = body("cough");
        badPain.put("vitals", Map.of("pain", 11));
        assertValidationFailed(as("nurse", department).body(badPain).post(PATH));
        Map<String, Object> unknown = body("cough");
        unknown.put("finalLevel", 2);
        assertProblem(as("nurse", department).body(unknown).post(PATH), 400, "validation");
        Map<String, Object> noDepartment = body("cough");
        noDepartment.remove("departmentId");
        assertValidationFailed(as("nurse", department).body(noDepartment).post(PATH));
        assertProblem(as("nurse", department).body("{\"departmentId\":").post(PATH), 400, "malformed-request");
        assertEquals(0, stored());

        assertValidationFailed(as("nurse", department).get(PATH + "?queueEntryId=not-an-id"));
        assertValidationFailed(as("nurse", department).get(PATH));
    }

    @Test
    void withoutATokenItIs401() {
        assertUnauthorized(given().contentType(ContentType.JSON).body(body("cough")).post(PATH));
        assertUnauthorized(given().get(PATH + "?queueEntryId={e}", UUID.randomUUID()));
        assertUnauthorized(given().get("/api/v1/ai/triage-agreement?departmentId={d}&date=2026-12-06", department));
    }

    @Test
    void wrongRoleOrDepartmentIs403() {
        assertForbidden(as("receptionist", department).body(body("cough")).post(PATH));
        assertForbidden(as("admin", department).body(body("cough")).post(PATH));
        assertForbidden(as("nurse", UUID.randomUUID().toString()).body(body("cough")).post(PATH));
        assertEquals(0, stored());

        String entry = UUID.randomUUID().toString();
        Map<String, Object> body = body("cough");
        body.put("queueEntryId", entry);
        as("nurse", department).body(body).post(PATH).then().statusCode(200);
        assertForbidden(as("nurse", UUID.randomUUID().toString()).get(PATH + "?queueEntryId={e}", entry));
        assertForbidden(as("receptionist", department).get(PATH + "?queueEntryId={e}", entry));
        assertForbidden(as("nurse", department).get("/api/v1/ai/triage-agreement?departmentId={d}&date=2026-12-06",
                department));
    }

    @Test
    void anEntryWithoutSuggestionIs404() {
        assertProblem(as("nurse", department).get(PATH + "?queueEntryId={e}", UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void agreementOfADayWithoutTriagesHasNoRates() {
        as("admin", department).get("/api/v1/ai/triage-agreement?departmentId={d}&date=2026-01-01", department)
                .then().statusCode(200)
                .body("departmentId", equalTo(department))
                .body("date", equalTo("2026-01-01"))
                .body("zone", equalTo("UTC"))
                .body("triaged", equalTo(0))
                .body("agreement.count", equalTo(0))
                .body("agreement.rate", nullValue());
        assertValidationFailed(as("admin", department).get("/api/v1/ai/triage-agreement?departmentId={d}", department));
        assertValidationFailed(as("admin", department).get("/api/v1/ai/triage-agreement?departmentId={d}&date=06.12.2026",
                department));
        assertValidationFailed(as("admin", department).get(
                "/api/v1/ai/triage-agreement?departmentId={d}&date=2026-12-06&zone=Mars/Olympus", department));
        assertValidationFailed(as("admin", department).get("/api/v1/ai/triage-agreement?date=2026-12-06"));
    }
}

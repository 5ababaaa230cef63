package dev.medi.queue.rest;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static dev.medi.queue.QueueApi.GENERAL;
import static dev.medi.queue.QueueApi.as;
import static dev.medi.queue.QueueApi.newDepartment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DepartmentResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void theDemoDepartmentsAreSeededWithDefaultTargetsAndRooms() {
        as("receptionist").get("/api/v1/departments").then().statusCode(200).body("code", hasItem("GEN")).body("code", hasItem("EMR"));
        as("nurse").get("/api/v1/departments/{id}", GENERAL).then().statusCode(200)
                .body("slaTargets.esi1", equalTo(0)).body("slaTargets.esi2", equalTo(10)).body("slaTargets.esi3", equalTo(30))
                .body("slaTargets.esi4", equalTo(60)).body("slaTargets.esi5", equalTo(120));
        as("doctor").get("/api/v1/departments/{id}/rooms", GENERAL).then().statusCode(200).body("name", hasItem("Room 1"));
    }

    @Test
    void anAdminChangesADepartmentWithItsETagAndTheChangeIsAudited() {
        String id = newDepartment();
        String etag = as("admin").get("/api/v1/departments/{id}", id).then().extract().header("ETag");
        Map<String, Object> change = Map.of("slaTargets", Map.of("esi1", 0, "esi2", 15, "esi3", 45, "esi4", 90, "esi5", 180),
                "autoCloseAt", "20:00");
        as("admin").body(change).patch("/api/v1/departments/{id}", id).then().statusCode(428).contentType(PROBLEM_JSON);
        as("admin").header("If-Match", etag).body(change).patch("/api/v1/departments/{id}", id)
                .then().statusCode(200).body("slaTargets.esi2", equalTo(15)).body("autoCloseAt", equalTo("20:00"));
        as("admin").header("If-Match", etag).body(change).patch("/api/v1/departments/{id}", id).then().statusCode(412);
        TopicReader.awaitOne(Topics.AUDIT, record -> id.equals(record.key()) && record.value().contains("department.update"));
    }

    @Test
    void badDepartmentsAreRejected() {
        Map<String, Object> shrinking = new HashMap<>(Map.of("code", "BAD1", "name", "Bad"));
        shrinking.put("slaTargets", Map.of("esi1", 30, "esi2", 10, "esi3", 30, "esi4", 60, "esi5", 120));
        as("admin").body(shrinking).post("/api/v1/departments").then().statusCode(400).body("errors.field", hasItem("slaTargets"));
        as("admin").body(Map.of("code", "lower", "name", "x")).post("/api/v1/departments").then().statusCode(400)
                .body("errors.field", hasItem("code"));
        as("admin").body(Map.of("code", "TZX", "name", "x", "timeZone", "Mars/Olympus")).post("/api/v1/departments")
                .then().statusCode(400).body("errors.field", hasItem("timeZone"));
        as("admin").body(Map.of("code", "GEN", "name", "again")).post("/api/v1/departments").then().statusCode(409);
        as("admin").get("/api/v1/departments").then().body("code", org.hamcrest.Matchers.not(hasItem("BAD1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"receptionist", "nurse", "doctor"})
    void onlyAdminsChangeDepartments(String role) {
        as(role).body(Map.of("code", "NOPE", "name", "x")).post("/api/v1/departments").then().statusCode(403).contentType(PROBLEM_JSON);
        as(role).body(Map.of("name", "Room 9")).post("/api/v1/departments/{id}/rooms", GENERAL).then().statusCode(403);
        given().get("/api/v1/departments").then().statusCode(401);
    }
}

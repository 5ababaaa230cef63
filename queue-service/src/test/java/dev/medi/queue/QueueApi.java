package dev.medi.queue;

import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test helpers for the queue API: requests as a role, check-ins, fresh departments. */
public final class QueueApi {

    /** The demo departments seeded in the test profile, with their rooms. */
    public static final String GENERAL = DemoData.GENERAL;
    public static final String EMERGENCY = DemoData.EMERGENCY;
    public static final String ROOM = "Room 1";

    private QueueApi() {
    }

    /** Departments made by {@link #newDepartment}: the tokens of {@link #as} work in them too. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** A JSON request with a token of {@code role}, working in the demo departments and those the tests made. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType(ContentType.JSON);
    }

    public static String token(String role) {
        List<String> departments = new ArrayList<>(List.of(GENERAL, EMERGENCY));
        departments.addAll(CREATED);
        return TestTokens.forRolesIn(departments, role);
    }

    /** A check-in request with a fresh Idempotency-Key. */
    public static RequestSpecification checkInAs(String role) {
        return as(role).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static Map<String, Object> arrival(String complaint) {
        Map<String, Object> body = new HashMap<>();
        body.put("arrivalName", "Test Arrival");
        body.put("chiefComplaint", complaint);
        return body;
    }

    /** Checks in an unregistered arrival; returns the entry id. */
    public static String checkIn(String department, String complaint) {
        return checkInAs("receptionist").body(arrival(complaint))
                .post("/api/v1/queues/{dept}/check-ins", department)
                .then().statusCode(201).extract().path("id");
    }

    /** Creates a department (admin) with the given targets in minutes and one room, "Room 1"; returns its id. */
    public static String newDepartment(List<Integer> targetMinutes) {
        String code = "T" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).toUpperCase();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Test " + code));
        body.put("slaTargets", Map.of("esi1", targetMinutes.get(0), "esi2", targetMinutes.get(1), "esi3", targetMinutes.get(2),
                "esi4", targetMinutes.get(3), "esi5", targetMinutes.get(4)));
        String id = as("admin").body(body).post("/api/v1/departments").then().statusCode(201).extract().path("id");
        as("admin").body(Map.of("name", ROOM)).post("/api/v1/departments/{id}/rooms", id).then().statusCode(201);
        CREATED.add(id);
        return id;
    }

    public static String newDepartment() {
        return newDepartment(List.of(0, 10, 30, 60, 120));
    }

    /** Triage with the given decision-point answers for an adult with normal vitals. */
    public static Map<String, Object> triage(int expectedResources) {
        Map<String, Object> body = new HashMap<>();
        body.put("ageYears", 40);
        body.put("vitals", Map.of("heartRate", 80, "respiratoryRate", 16, "spo2", 98, "pain", 2, "consciousness", "ALERT"));
        body.put("expectedResources", expectedResources);
        return body;
    }
}

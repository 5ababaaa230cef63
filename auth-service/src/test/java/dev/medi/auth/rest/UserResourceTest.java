package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.testing.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UserResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEPARTMENT = DemoData.EMERGENCY;

    @Test
    void anAdminCreatesAnAccountThatCanSignIn() {
        String username = "nurse." + suffix();
        String id = given().auth().oauth2(signIn("admin")).contentType(ContentType.JSON)
                .body(newUser(username, "violet tram at dawn 47"))
                .post("/api/v1/users")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("username", equalTo(username))
                .body("roles", equalTo(List.of("nurse")))
                .body("departments", equalTo(List.of(DEPARTMENT)))
                .body("active", equalTo(true))
                .body("passwordHash", nullValue())
                .extract().path("id");
        given().auth().oauth2(signIn("admin")).get("/api/v1/users/{id}", id)
                .then().statusCode(200).body("username", equalTo(username));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "violet tram at dawn 47"))
                .post("/api/v1/auth/login").then().statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void aWeakInitialPasswordIsRejectedAndNothingIsCreated() {
        String username = "weak." + suffix();
        given().auth().oauth2(signIn("admin")).contentType(ContentType.JSON)
                .body(newUser(username, "password123456"))
                .post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("initialPassword"))
                .body("errors.message", hasItem("is too common"));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "password123456"))
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void aDuplicateUserNameIsAConflict() {
        given().auth().oauth2(signIn("admin")).contentType(ContentType.JSON)
                .body(newUser("Nurse", "violet tram at dawn 47"))
                .post("/api/v1/users")
                .then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidAccountsAreRejected() {
        Map<String, Object> body = newUser("bad name with spaces", "violet tram at dawn 47");
        body.put("roles", List.of("superuser"));
        body.put("email", "not-an-address");
        given().auth().oauth2(signIn("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("email"))
                // an element of a set has no position (it was "roles.<iterable element>" before ADR 0013)
                .body("errors.field", hasItem("roles[]"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndSignIns() {
        String admin = signIn("admin");
        String username = "doctor." + suffix();
        Map<String, Object> body = newUser(username, "violet tram at dawn 47");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        String refreshToken = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "violet tram at dawn 47", "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("active", false))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200).body("active", equalTo(false)).header("ETag", "\"1\"");

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "violet tram at dawn 47"))
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String admin = signIn("admin");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(newUser("desk." + suffix(), "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("displayName", "Desk Two"))
                .patch("/api/v1/users/{id}", id).then().statusCode(428).contentType(PROBLEM_JSON);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("displayName", "Desk Two", "roles", List.of("receptionist", "nurse")))
                .patch("/api/v1/users/{id}", id).then().statusCode(200).body("displayName", equalTo("Desk Two"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("displayName", "Stale"))
                .patch("/api/v1/users/{id}", id).then().statusCode(412).contentType(PROBLEM_JSON);
    }

    @Test
    void listingPagesByUserName() {
        String admin = signIn("admin");
        String first = given().auth().oauth2(admin).queryParam("limit", 2).get("/api/v1/users")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("after", first).get("/api/v1/users")
                .then().statusCode(200).body("items[0].username", org.hamcrest.Matchers.greaterThan(first));
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/v1/users").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"receptionist", "nurse", "doctor"})
    void onlyAdminsMayAdministerAccounts(String role) {
        String token = signIn(role);
        given().auth().oauth2(token).get("/api/v1/users").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(newUser("x." + suffix(), "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/users").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void anOversizedBodyIsA413ProblemAndCreatesNothing() {
        String username = "huge." + suffix();
        Map<String, Object> body = newUser(username, "violet tram at dawn 47");
        body.put("displayName", "x".repeat(2 * 1024 * 1024)); // above the 1 MiB limit
        given().auth().oauth2(signIn("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/payload-too-large"));
        given().auth().oauth2(signIn("admin")).get("/api/v1/users?after={after}&limit=1", username.substring(0, username.length() - 1))
                .then().statusCode(200).body("items.username", org.hamcrest.Matchers.not(hasItem(username)));
    }

    @Test
    void unknownAccountsAre404() {
        given().auth().oauth2(signIn("admin")).get("/api/v1/users/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    static String signIn(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", role, "password", DemoUsers.passwordOf(role)))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    private static Map<String, Object> newUser(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username.replace(' ', '_') + "@clinic.example");
        body.put("displayName", "Test " + username);
        body.put("roles", List.of("nurse"));
        body.put("departments", List.of(DEPARTMENT));
        body.put("initialPassword", password);
        return body;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

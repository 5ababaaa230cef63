package dev.medi.auth.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AccountResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void theSignedInUserSeesAndTunesTheirAccount() {
        String token = UserResourceTest.signIn("doctor");
        given().auth().oauth2(token).get("/api/v1/account")
                .then().statusCode(200).body("username", equalTo("doctor")).body("roles", equalTo(List.of("doctor")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("theme", "dark", "locale", "fr-CH"))
                .patch("/api/v1/account/preferences")
                .then().statusCode(200).body("theme", equalTo("dark")).body("locale", equalTo("fr-CH"));
        // stored with the account: the next read (another device, the web app's start) gets them back
        given().auth().oauth2(token).get("/api/v1/account")
                .then().statusCode(200).body("theme", equalTo("dark")).body("locale", equalTo("fr-CH"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("theme", "system"))
                .patch("/api/v1/account/preferences")
                .then().statusCode(200).body("theme", equalTo("system")).body("locale", equalTo("fr-CH"));
        given().auth().oauth2(token).get("/api/v1/account")
                .then().statusCode(200).body("theme", equalTo("system")).body("locale", equalTo("fr-CH"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("theme", "neon"))
                .patch("/api/v1/account/preferences")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("theme"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        String username = "change." + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Change Me",
                        "roles", List.of("receptionist"), "departments", List.of(), "initialPassword", "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(201);
        Map<String, Object> credentials = Map.of("username", username, "password", "violet tram at dawn 47",
                "refreshTokenIn", "BODY");
        var here = given().contentType(ContentType.JSON).body(credentials).post("/api/v1/auth/login")
                .then().statusCode(200).extract();
        String otherDevice = given().contentType(ContentType.JSON).body(credentials).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("refreshToken");
        String token = here.path("accessToken");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong password here", "newPassword", "amber kite over harbour 9"))
                .post("/api/v1/account/password").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "violet tram at dawn 47", "newPassword", "qwerty123456"))
                .post("/api/v1/account/password").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("newPassword"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "violet tram at dawn 47", "newPassword", "amber kite over harbour 9"))
                .post("/api/v1/account/password").then().statusCode(204);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", otherDevice))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", (String) here.path("refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "amber kite over harbour 9"))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/account").then().statusCode(401).contentType(PROBLEM_JSON);
    }
}

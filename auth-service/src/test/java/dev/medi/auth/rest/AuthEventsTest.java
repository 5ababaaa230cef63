package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Security events and the audit trail, read back from the real topics. */
@QuarkusTest
class AuthEventsTest {

    @Test
    void aReusedRefreshTokenIsReportedAsASecurityEvent() {
        String first = given().contentType(ContentType.JSON)
                .body(Map.of("username", "doctor", "password", DemoUsers.passwordOf("doctor"), "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh")
                .then().statusCode(401);
        awaitRecord(Topics.AUTH_EVENTS, record -> "medi.auth.session.revoked.v1".equals(header(record, "ce_type"))
                && "REUSE_DETECTED".equals(new JsonObject(record.value()).getString("reason")));
    }

    /**
     * Every way a session ends is announced with the session id (the access tokens' {@code sid}) and the user id
     * ({@code sub}): the gateway closes that session's live streams on it. A password change and a disabled
     * account used to end sessions without a word.
     */
    @Test
    void sessionsEndedByAPasswordChangeOrADisabledAccountAreAnnounced() {
        String admin = UserResourceTest.signIn("admin");
        String username = "events." + UUID.randomUUID().toString().substring(0, 8);
        String userId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Events",
                        "roles", List.of("nurse"), "departments", List.of(), "initialPassword", "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        String here = signIn(username, "violet tram at dawn 47");
        String otherDevice = signIn(username, "violet tram at dawn 47");

        given().auth().oauth2(here).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "violet tram at dawn 47", "newPassword", "amber kite over harbour 9"))
                .post("/api/v1/account/password").then().statusCode(204);
        JsonObject changed = new JsonObject(awaitRecord(Topics.AUTH_EVENTS, revocationOf(sessionOf(otherDevice))).value());
        assertEquals(userId, changed.getString("userId"));
        assertEquals("PASSWORD_CHANGED", changed.getString("reason"));

        String version = given().auth().oauth2(admin).get("/api/v1/users/{id}", userId).then().statusCode(200)
                .extract().header("ETag"); // the password change moved it on
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("active", false)).patch("/api/v1/users/{id}", userId).then().statusCode(200);
        JsonObject disabled = new JsonObject(awaitRecord(Topics.AUTH_EVENTS, revocationOf(sessionOf(here))).value());
        assertEquals(userId, disabled.getString("userId"));
        assertEquals("ACCOUNT_DISABLED", disabled.getString("reason"));
        awaitRecord(Topics.AUTH_EVENTS, record -> "medi.auth.user.disabled.v1".equals(header(record, "ce_type"))
                && userId.equals(new JsonObject(record.value()).getString("userId")));
    }

    private static String signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** The {@code sid} claim of an access token (its payload, read without verifying: the test issued it). */
    private static String sessionOf(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sid");
    }

    private static Predicate<ConsumerRecord<String, String>> revocationOf(String sessionId) {
        return record -> "medi.auth.session.revoked.v1".equals(header(record, "ce_type"))
                && sessionId.equals(new JsonObject(record.value()).getString("sessionId"));
    }

    @Test
    void aFailedSignInIsReportedWithoutTheTypedName() {
        String typed = "someone-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.99.0.1")
                .body(Map.of("username", typed, "password", "whatever password"))
                .post("/api/v1/auth/login").then().statusCode(401);
        ConsumerRecord<String, String> event = awaitRecord(Topics.AUTH_EVENTS,
                record -> "medi.auth.login.failed.v1".equals(header(record, "ce_type"))
                        && "unknown-account".equals(new JsonObject(record.value()).getString("reason")));
        assertFalse(event.value().contains(typed), "the typed user name is not recorded");
    }

    @Test
    void adminActionsAreAudited() {
        String username = "audited." + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Audited",
                        "roles", List.of("nurse"), "departments", List.of(), "initialPassword", "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> audit = awaitRecord(Topics.AUDIT, record -> id.equals(record.key()));
        JsonObject data = new JsonObject(audit.value());
        assertEquals("admin", data.getString("actor"));
        assertEquals("user.create", data.getString("action"));
        assertEquals("success", data.getString("outcome"));
        assertFalse(data.getString("requestId", "").isBlank(), "joinable with the logs");
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return TopicReader.awaitOne(topic, wanted);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }
}

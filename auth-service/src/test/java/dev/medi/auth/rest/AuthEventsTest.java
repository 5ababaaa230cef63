package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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

package dev.medi.auth.messaging;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.events.AuthEvents;
import dev.medi.platform.events.AuthLoginFailed;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published schema of {@code medi.auth.events.v1} accepts every event auth-service really sends (produced here
 * through its API and read back from the topic, one of each type) and rejects what it must never send.
 */
@QuarkusTest
class AuthEventSchemaTest {

    private static final String PASSWORD = "violet tram at dawn 47";

    @Test
    void everyEventAuthServiceSendsMatchesTheSchema() {
        String admin = signIn("admin", DemoUsers.passwordOf("admin"));
        String username = "schema." + UUID.randomUUID().toString().substring(0, 8);
        String userId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Schema",
                        "roles", List.of("nurse"), "departments", List.of("0193a000-0000-7000-8000-000000000001"),
                        "initialPassword", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().path("id"); // user created
        signIn(username, PASSWORD); // login succeeded; a session, ended below
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.98.0.1")
                .body(Map.of("username", username, "password", "not the password"))
                .post("/api/v1/auth/login").then().statusCode(401); // login failed, with the account
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.98.0.2")
                .body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "whatever password"))
                .post("/api/v1/auth/login").then().statusCode(401); // login failed, unknown account
        given().auth().oauth2(admin).post("/api/v1/users/{id}/second-factor-reset", userId)
                .then().statusCode(200); // user changed (second factor), session revoked
        String version = given().auth().oauth2(admin).get("/api/v1/users/{id}", userId).then().statusCode(200)
                .extract().header("ETag");
        version = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("roles", List.of("nurse", "doctor"))).patch("/api/v1/users/{id}", userId)
                .then().statusCode(200).extract().header("ETag"); // user changed
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("active", false)).patch("/api/v1/users/{id}", userId)
                .then().statusCode(200); // user disabled

        // keyed by the account: created, login succeeded, login failed, changed (second factor), session revoked,
        // changed (roles), disabled
        List<ConsumerRecord<String, String>> records = new ArrayList<>(TopicReader.awaitRecords(Topics.AUTH_EVENTS,
                record -> userId.equals(record.key()), 7));
        ConsumerRecord<String, String> unknown = TopicReader.awaitOne(Topics.AUTH_EVENTS,
                record -> AuthEvents.LOGIN_FAILED.type().equals(TopicReader.header(record, "ce_type"))
                        && AuthLoginFailed.UNKNOWN_ACCOUNT.equals(record.key()));
        records.add(unknown);

        for (EventType<?> type : AuthEvents.ALL) {
            assertTrue(records.stream().anyMatch(record -> type.type().equals(TopicReader.header(record, "ce_type"))),
                    "no " + type + " seen");
        }
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(Topics.AUTH_EVENTS, record.value());
        }
        assertFalse(unknown.value().contains("userId"), "nothing identifying for an unknown name");
    }

    @Test
    void theSchemaIsClosed() {
        String revoked = """
                {"sessionId":"0193a000-0000-7000-8000-0000000000aa","userId":"0193a000-0000-7000-8000-0000000000bb",
                 "reason":"LOGOUT","at":"2026-12-05T08:00:00Z"}""";
        EventSchemas.assertValid(Topics.AUTH_EVENTS, revoked);
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.AUTH_EVENTS,
                revoked.replace("\"LOGOUT\"", "\"TIRED\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.AUTH_EVENTS,
                revoked.replace("\"reason\"", "\"username\":\"doctor\",\"reason\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.AUTH_EVENTS, """
                {"reason":"unknown-account","at":"2026-12-05T08:00:00Z","username":"typed"}"""));
    }

    private static String signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}

package dev.medi.gateway.sse;

import dev.medi.platform.testing.ServiceEndpoints;
import dev.medi.gateway.support.AuthEvents;
import dev.medi.gateway.support.QueueEventsProducer;
import dev.medi.gateway.support.SseClient;
import dev.medi.gateway.support.StandIn;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The staff SSE stream ends at its token's expiry ({@code event: token-expired}) and within seconds of a
 * sign-out or a disabled account ({@code event: session-ended}), driven by auth-service's events on the real
 * topic; a token of an ended session opens no new stream.
 */
@QuarkusTest
class QueueEventStreamTokenTest {

    private static QueueEventsProducer events;
    private static AuthEvents auth;

    @TestHTTPResource("/api/v1/queue/stream")
    URI stream;

    @BeforeAll
    static void producers() {
        events = new QueueEventsProducer();
        auth = new AuthEvents();
    }

    @AfterAll
    static void closeProducers() {
        events.close();
        auth.close();
    }

    @BeforeEach
    void gatewayIsReady() {
        ServiceEndpoints.awaitReady(ServiceEndpoints.managementUrl());
    }

    @Test
    void theStreamEndsAtTheTokensExpiry() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 1);
        String token = AuthEvents.token(AuthEvents.newUser(), UUID.randomUUID().toString(), List.of(department), Duration.ofSeconds(5));
        try (SseClient client = SseClient.open(of(department), token)) {
            client.next("snapshot");
            assertEquals("token-expired", client.next("token-expired").json().getString("type"));
            await().atMost(Duration.ofSeconds(10)).until(client::ended);
            assertFalse(Instant.now().isBefore(AuthEvents.expiryOf(token)), "not before exp");
        }
    }

    @Test
    void signingOutEndsTheSessionsStreamsAndItsTokenOpensNoMore() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 5);
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        String token = AuthEvents.token(user, session, List.of(department), Duration.ofMinutes(10));
        try (SseClient signedOut = SseClient.open(of(department), token);
             SseClient otherDevice = SseClient.open(of(department),
                     AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)))) {
            signedOut.next("snapshot");
            otherDevice.next("snapshot");

            auth.sessionRevoked(user, session);
            signedOut.next("session-ended");
            await().atMost(Duration.ofSeconds(10)).until(signedOut::ended);

            events.publish(department, 6);
            assertEquals(6, otherDevice.next("queue-event").json().getLong("sequence"), "the user's other session goes on");
        }
        given().auth().oauth2(token).get(of(department))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void disablingTheAccountEndsEveryStreamOfTheUser() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 9);
        String user = AuthEvents.newUser();
        String token = AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10));
        try (SseClient client = SseClient.open(of(department), token)) {
            client.next("snapshot");
            auth.userDisabled(user);
            client.next("session-ended");
            await().atMost(Duration.ofSeconds(10)).until(client::ended);
        }
        given().auth().oauth2(token).get(of(department))
                .then().statusCode(401).contentType("application/problem+json");
    }

    private URI of(UUID department) {
        return URI.create(stream + "?departments=" + department);
    }
}

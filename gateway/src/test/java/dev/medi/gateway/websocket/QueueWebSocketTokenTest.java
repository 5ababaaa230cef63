package dev.medi.gateway.websocket;

import dev.medi.platform.testing.QueueWebSocketClient;
import dev.medi.platform.testing.ServiceEndpoints;
import dev.medi.gateway.support.AuthEvents;
import dev.medi.gateway.support.QueueEventsProducer;
import dev.medi.gateway.support.StandIn;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code /ws/queue} connection lives no longer than its token: warned before {@code exp}, closed at it
 * (4401) unless the client re-authenticates in-band with a fresh token of the same user and session, and
 * closed within seconds of a sign-out or a disabled account (4403), driven by auth-service's events on the
 * real topic. Tokens live a few seconds here; the warning comes 3 s before expiry (test profile).
 */
@QuarkusTest
class QueueWebSocketTokenTest {

    private static QueueEventsProducer events;
    private static AuthEvents auth;

    @TestHTTPResource("/")
    URI baseUri;

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
        // ready = both consumers positioned: queue and auth events from now on are seen
        ServiceEndpoints.awaitReady(ServiceEndpoints.managementUrl());
    }

    @Test
    void theConnectionIsWarnedThenClosedAtTheTokensExpiry() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 1);
        String token = AuthEvents.token(AuthEvents.newUser(), UUID.randomUUID().toString(), List.of(department), Duration.ofSeconds(8));
        Instant expiry = AuthEvents.expiryOf(token);
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, token)) {
            subscribe(client, department);
            List<String> types = client.until("token-expired").stream().map(frame -> frame.getString("type")).toList();
            assertTrue(types.indexOf("snapshot") >= 0 && types.indexOf("token-expiring") >= 0, types.toString());
            assertEquals(4401, client.closed().get(15, TimeUnit.SECONDS), "closed as 'token expired'");
            assertFalse(Instant.now().isBefore(expiry), "not before exp");
        }
    }

    @Test
    void theWarningSaysWhenAndAFreshTokenInBandKeepsTheConnectionPastTheOldExpiry() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 10);
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        String first = AuthEvents.token(user, session, List.of(department), Duration.ofSeconds(8));
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, first)) {
            subscribe(client, department);
            JsonObject warning = last(client.until("token-expiring"));
            assertEquals(AuthEvents.expiryOf(first), Instant.parse(warning.getString("expiresAt")));

            String fresh = AuthEvents.token(user, session, List.of(department), Duration.ofMinutes(10));
            reauthenticate(client, fresh);
            JsonObject accepted = last(client.until("reauthenticated"));
            assertEquals(AuthEvents.expiryOf(fresh), Instant.parse(accepted.getString("expiresAt")));
            assertEquals(new JsonArray().add(department.toString()), accepted.getJsonArray("departments"));

            client.heartbeatAfter(AuthEvents.expiryOf(first).plusSeconds(1)); // the first token has expired by now
            events.publish(department, 11);
            assertEquals(11, client.next("queue-event").getLong("sequence"), "the feed goes on");
            assertFalse(client.closed().isDone());
            client.send(new JsonObject().put("type", "resync"));
            assertEquals(10, client.next("snapshot").getJsonObject("snapshot").getLong("sequence"));
            assertEquals("Bearer " + fresh, StandIn.snapshotRequests(department).getString("authorization"),
                    "snapshots are read with the fresh token");
        }
    }

    @Test
    void aTokenOfAnotherUserOrSessionOrAnExpiredOrForgedOneIsRefused() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 20);
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri,
                AuthEvents.token(user, session, List.of(department), Duration.ofMinutes(5)))) {
            subscribe(client, department);
            client.until("snapshot");

            reauthenticate(client, AuthEvents.token(AuthEvents.newUser(), session, List.of(department), Duration.ofMinutes(10)));
            assertEquals("The token belongs to another user or session.", client.next("reauthenticate-refused").getString("detail"));
            reauthenticate(client, AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)));
            assertEquals("The token belongs to another user or session.", client.next("reauthenticate-refused").getString("detail"));
            // past exp and the verifier's 30 s skew: refused by verification
            reauthenticate(client, AuthEvents.token(user, session, List.of(department), Duration.ofSeconds(-60)));
            assertEquals("The token is not valid.", client.next("reauthenticate-refused").getString("detail"));
            // past exp, within the skew: the verifier would take it, the stream does not
            reauthenticate(client, AuthEvents.token(user, session, List.of(department), Duration.ofSeconds(-5)));
            assertEquals("The token has expired.", client.next("reauthenticate-refused").getString("detail"));
            String valid = AuthEvents.token(user, session, List.of(department), Duration.ofMinutes(10));
            String[] parts = valid.split("\\.");
            String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            reauthenticate(client, forged);
            assertEquals("The token is not valid.", client.next("reauthenticate-refused").getString("detail"));
            client.send(new JsonObject().put("type", "reauthenticate"));
            client.next("reauthenticate-refused");

            events.publish(department, 21);
            assertEquals(21, client.next("queue-event").getLong("sequence"), "a refusal leaves the connection as it was");
        }
    }

    @Test
    void aFreshTokenWithoutADepartmentEndsItsFeed() throws Exception {
        UUID kept = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        StandIn.snapshotAt(kept, 1);
        StandIn.snapshotAt(lost, 1);
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri,
                AuthEvents.token(user, session, List.of(kept, lost), Duration.ofMinutes(5)))) {
            client.send(new JsonObject().put("type", "subscribe").put("departments", List.of(kept.toString(), lost.toString())));
            client.until("snapshot");
            client.until("snapshot");

            // an admin removed the user from a department; the refreshed token says so
            reauthenticate(client, AuthEvents.token(user, session, List.of(kept), Duration.ofMinutes(10)));
            assertEquals(new JsonArray().add(kept.toString()), client.next("reauthenticated").getJsonArray("departments"));
            JsonObject error = client.next("error");
            assertEquals(lost.toString(), error.getString("departmentId"));

            events.publish(lost, 2);
            events.publish(kept, 2);
            JsonObject next = client.next("queue-event");
            assertEquals(kept.toString(), next.getString("departmentId"), "nothing more of the department it lost");
            client.send(new JsonObject().put("type", "subscribe").put("departments", List.of(lost.toString())));
            assertTrue(client.next("error").getString("detail").startsWith("You are not a member of department"),
                    "subscriptions are checked against the fresh token");
        }
    }

    @Test
    void signingOutClosesThatSessionsConnectionsWithinSecondsAndItsTokensOpenNoMore() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 30);
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        String token = AuthEvents.token(user, session, List.of(department), Duration.ofMinutes(10));
        try (QueueWebSocketClient signedOut = QueueWebSocketClient.connect(baseUri, token);
             QueueWebSocketClient otherDevice = QueueWebSocketClient.connect(baseUri,
                     AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)))) {
            subscribe(signedOut, department);
            signedOut.until("snapshot");
            subscribe(otherDevice, department);
            otherDevice.until("snapshot");

            auth.sessionRevoked(user, session);
            signedOut.until("session-ended");
            assertEquals(4403, signedOut.closed().get(15, TimeUnit.SECONDS), "closed as 'session ended'");

            events.publish(department, 31);
            assertEquals(31, otherDevice.next("queue-event").getLong("sequence"), "the user's other session goes on");
            assertFalse(otherDevice.closed().isDone());
        }
        // the token is unexpired, but its session has ended: a new connection with it is closed at once
        try (QueueWebSocketClient again = QueueWebSocketClient.connect(baseUri, token)) {
            assertEquals(4403, again.closed().get(15, TimeUnit.SECONDS));
        }
    }

    @Test
    void disablingTheAccountClosesEveryConnectionOfTheUser() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 40);
        String user = AuthEvents.newUser();
        try (QueueWebSocketClient first = QueueWebSocketClient.connect(baseUri,
                     AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)));
             QueueWebSocketClient second = QueueWebSocketClient.connect(baseUri,
                     AuthEvents.token(user, UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)));
             QueueWebSocketClient colleague = QueueWebSocketClient.connect(baseUri,
                     AuthEvents.token(AuthEvents.newUser(), UUID.randomUUID().toString(), List.of(department), Duration.ofMinutes(10)))) {
            for (QueueWebSocketClient client : List.of(first, second, colleague)) {
                subscribe(client, department);
                client.until("snapshot");
            }

            auth.userDisabled(user);
            assertEquals(4403, first.closed().get(15, TimeUnit.SECONDS));
            assertEquals(4403, second.closed().get(15, TimeUnit.SECONDS));

            events.publish(department, 41);
            assertEquals(41, colleague.next("queue-event").getLong("sequence"), "other users are not affected");
        }
    }

    private static void subscribe(QueueWebSocketClient client, UUID department) throws Exception {
        client.send(new JsonObject().put("type", "subscribe").put("departments", List.of(department.toString())));
    }

    private static void reauthenticate(QueueWebSocketClient client, String token) throws Exception {
        client.send(new JsonObject().put("type", "reauthenticate").put("token", token));
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

}

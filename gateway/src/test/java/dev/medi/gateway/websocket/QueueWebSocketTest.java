package dev.medi.gateway.websocket;

import dev.medi.gateway.support.QueueEventsProducer;
import dev.medi.gateway.support.StandIn;
import dev.medi.platform.testing.QueueWebSocketClient;
import dev.medi.platform.testing.ServiceEndpoints;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /ws/queue} with real clients (the JDK's WebSocket, a bare socket for the slow client), real
 * Kafka, and the queue-service stand-in for snapshots. Each test follows a department of its own.
 */
@QuarkusTest
class QueueWebSocketTest {

    private static QueueEventsProducer events;

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    BasicWebSocketConnector connector;

    @Inject
    OpenConnections openConnections;

    @BeforeAll
    static void producer() {
        events = new QueueEventsProducer();
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }

    @BeforeEach
    void gatewayIsReady() {
        // Ready = the fan-out consumer is positioned: events from now on reach the clients.
        ServiceEndpoints.awaitReady(ServiceEndpoints.managementUrl());
    }

    @Test
    void theSnapshotComesFirstThenOnlyEventsAfterIt() throws Exception {
        UUID department = UUID.randomUUID();
        String token = nurseOf(department);
        StandIn.snapshotAt(department, 5);
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, token)) {
            assertEquals(1, client.next("welcome").getInteger("heartbeatSeconds"));
            subscribe(client, department);
            assertEquals(new JsonArray().add(department.toString()), client.next("subscribed").getJsonArray("departments"));
            JsonObject snapshot = client.next("snapshot");
            assertEquals(department.toString(), snapshot.getString("departmentId"));
            assertEquals(5, snapshot.getJsonObject("snapshot").getLong("sequence"));
            assertEquals("Bearer " + token, StandIn.snapshotRequests(department).getString("authorization"),
                    "the snapshot is read with the caller's own token");

            events.publish(UUID.randomUUID(), 1); // another department
            events.publish(department, 4);        // older than the snapshot: already in it
            events.publish(department, 5);        // the snapshot's own
            events.publish(department, 6);

            JsonObject event = client.next("queue-event");
            assertEquals(6, event.getLong("sequence"), "events up to the snapshot's sequence are not sent again");
            assertEquals(department.toString(), event.getString("departmentId"));
            assertEquals("medi.queue.entry.checked-in.v1", event.getString("eventType"));
            assertEquals("GEN-006", event.getJsonObject("entry").getString("ticket"));
            assertNotNull(event.getString("eventId"));
            assertNotNull(event.getString("time"));
        }
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedAndFieldsAddedLaterReachStaffAsSent() throws Exception {
        UUID department = UUID.randomUUID();
        String token = nurseOf(department);
        StandIn.snapshotAt(department, 5);
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, token)) {
            client.next("welcome");
            subscribe(client, department);
            client.next("subscribed");
            client.next("snapshot");

            // A type from a newer queue-service: the gateway cannot tell clients what it means.
            events.publishAs("medi.queue.entry.teleported.v1", department, 6,
                    QueueEventsProducer.entry(department, "GEN-666", "ARRIVED", null));
            events.publishUnchecked(department, 6, QueueEventsProducer.entry(department, "GEN-006", "ARRIVED", null)
                    .put("addedLater", "a field this gateway does not know"));

            JsonObject event = client.next("queue-event");
            assertEquals(6, event.getLong("sequence"));
            assertEquals("medi.queue.entry.checked-in.v1", event.getString("eventType"));
            assertEquals("GEN-006", event.getJsonObject("entry").getString("ticket"), "the unknown type was skipped");
            assertEquals("a field this gateway does not know", event.getJsonObject("entry").getString("addedLater"));
        }
    }

    @Test
    void eventsDuringTheSnapshotFetchWaitForItAndOlderOnesAreDropped() throws Exception {
        UUID department = UUID.randomUUID();
        String token = nurseOf(department);
        StandIn.snapshotAt(department, 10);
        try (QueueWebSocketClient watcher = QueueWebSocketClient.connect(baseUri, token);
             QueueWebSocketClient late = QueueWebSocketClient.connect(baseUri, token)) {
            watcher.next("welcome");
            subscribe(watcher, department);
            watcher.next("subscribed");
            watcher.next("snapshot");

            // queue-service answers the late client's snapshot only when the test says so ...
            StandIn.snapshot(department, new JsonObject().put("sequence", 11).put("hold", true));
            late.next("welcome");
            subscribe(late, department);
            late.next("subscribed");
            // ... after the gateway has seen events 11 and 12 (the watcher got them)
            events.publish(department, 11);
            events.publish(department, 12);
            assertEquals(11, watcher.next("queue-event").getLong("sequence"));
            assertEquals(12, watcher.next("queue-event").getLong("sequence"));
            StandIn.release(department);

            assertEquals(11, late.next("snapshot").getJsonObject("snapshot").getLong("sequence"),
                    "nothing goes out before the snapshot");
            assertEquals(12, late.next("queue-event").getLong("sequence"),
                    "of the events buffered meanwhile, only those after the snapshot follow it");
            events.publish(department, 13);
            assertEquals(13, late.next("queue-event").getLong("sequence"));
        }
    }

    @Test
    void aClientThatSeesAGapResyncsAndGetsAFreshSnapshot() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 20);
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(department))) {
            client.next("welcome");
            subscribe(client, department);
            client.next("subscribed");
            long last = client.next("snapshot").getJsonObject("snapshot").getLong("sequence");

            events.publish(department, 21);
            events.publish(department, 23); // 22 never reaches this replica
            long received = client.next("queue-event").getLong("sequence");
            assertEquals(last + 1, received);
            last = received;
            received = client.next("queue-event").getLong("sequence");
            assertTrue(received > last + 1, "the test expects a gap here");

            // What a client does on a gap:
            StandIn.snapshotAt(department, 23);
            client.send(new JsonObject().put("type", "resync").put("departments", List.of(department.toString())));
            JsonObject fresh = client.next("snapshot");
            assertEquals(23, fresh.getJsonObject("snapshot").getLong("sequence"));
            // Sequence 23 can only come from a new fetch; the gateway's one retry after a dropped pooled
            // connection (QueueServiceClient) may add a request, so the count is at least two, not exactly two.
            assertTrue(StandIn.snapshotRequests(department).getInteger("count") >= 2);

            events.publish(department, 24);
            assertEquals(24, client.next("queue-event").getLong("sequence"));
        }
    }

    @Test
    void aFailedSnapshotIsReportedAndTheConnectionStaysForAResync() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshot(department, new JsonObject().put("status", 503));
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(department))) {
            client.next("welcome");
            subscribe(client, department);
            client.next("subscribed");
            JsonObject error = client.next("error");
            assertEquals(department.toString(), error.getString("departmentId"));
            assertTrue(error.getString("detail").contains("unavailable"), error.encode());

            StandIn.snapshotAt(department, 3);
            client.send(new JsonObject().put("type", "resync")); // no departments: all followed ones
            assertEquals(3, client.next("snapshot").getJsonObject("snapshot").getLong("sequence"));
            events.publish(department, 4);
            assertEquals(4, client.next("queue-event").getLong("sequence"));
        }
    }

    @Test
    void heartbeatsTellTheLastSequenceSentPerDepartment() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 7);
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(department))) {
            client.next("welcome");
            subscribe(client, department);
            client.next("subscribed");
            client.next("snapshot");
            JsonObject heartbeat = client.nextHeartbeat();
            assertNotNull(heartbeat.getString("time"));
            assertEquals(7, heartbeat.getJsonObject("sequences").getLong(department.toString()));

            events.publish(department, 8);
            assertEquals(8, client.next("queue-event").getLong("sequence"));
            assertEquals(8, client.nextHeartbeat().getJsonObject("sequences").getLong(department.toString()));
        }
    }

    @Test
    void aSlowClientIsDroppedWhileAFastOneOnTheSameDepartmentKeepsReceiving() throws Exception {
        UUID department = UUID.randomUUID();
        String token = nurseOf(department);
        StandIn.snapshotAt(department, 0);
        double droppedBefore = StandIn.metric("medi_fanout_slow_disconnects_total", "transport=\"websocket\"");
        try (QueueWebSocketClient fast = QueueWebSocketClient.connect(baseUri, token)) {
            fast.next("welcome");
            subscribe(fast, department);
            fast.next("subscribed");
            fast.next("snapshot");
            Set<String> others = connectionIds();
            try (QueueWebSocketClient.Raw slow = QueueWebSocketClient.raw(baseUri, "/ws/queue", token, 4096)) {
                slow.readUntil("welcome"); // sent once the gateway registered the connection
                String slowId = connectionIds().stream().filter(id -> !others.contains(id)).findFirst().orElseThrow();
                slow.sendText(new JsonObject().put("type", "subscribe").put("departments", List.of(department.toString())).encode());
                slow.readUntil("subscribed");
                slow.readUntil("snapshot");
                // From here on the slow client reads nothing. Large events fill its socket buffers, then the
                // gateway's count of unwritten frames grows past max-pending-frames (8 in tests).
                String padding = "x".repeat(400_000);
                long sequence = 0;
                while (StandIn.metric("medi_fanout_slow_disconnects_total", "transport=\"websocket\"") == droppedBefore) {
                    assertTrue(sequence < 80, "the slow client was never dropped");
                    sequence++;
                    events.publishUnchecked(department, sequence,
                            QueueEventsProducer.entry(department, "GEN-001", "ARRIVED", null).put("padding", padding));
                    // The fast client reads each one before the next is sent: it never falls behind.
                    assertEquals(sequence, fast.next("queue-event").getLong("sequence"));
                }
                assertEquals(droppedBefore + 1, StandIn.metric("medi_fanout_slow_disconnects_total", "transport=\"websocket\""));

                events.publish(department, sequence + 1);
                assertEquals(sequence + 1, fast.next("queue-event").getLong("sequence"), "the fast client is unaffected");
                assertFalse(fast.closed().isDone());

                // The gateway lets go of the connection although the client still reads nothing ...
                await().atMost(Duration.ofSeconds(30)).until(() -> !connectionIds().contains(slowId));
                // ... and the client, once it reads again, finds it closed.
                int ended = slow.drainUntilClosed();
                assertTrue(ended == 1008 || ended == QueueWebSocketClient.Raw.EOF, "closed as too slow, got " + ended);
            }
        }
    }

    @Test
    void aClientCannotFollowAnotherDepartment() throws Exception {
        UUID department = UUID.randomUUID();
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(department))) {
            client.next("welcome");
            subscribe(client, UUID.randomUUID());
            assertTrue(client.next("error").getString("detail").startsWith("You are not a member of department"));
            client.send(new JsonObject().put("type", "resync").put("departments", List.of(department.toString())));
            assertEquals("Resync only departments you subscribed to.", client.next("error").getString("detail"));
            client.send(new JsonObject().put("type", "subscribe").put("departments", List.of()));
            client.next("error");
            client.send(new JsonObject().put("type", "dance"));
            client.next("error");
        }
        // unreadable text: an error frame, the connection stays
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(department))) {
            client.next("welcome");
            client.sendText("{not json");
            assertTrue(client.next("error").getString("detail").contains("Message not understood"));
            subscribe(client, UUID.randomUUID());
            assertTrue(client.next("error").getString("detail").startsWith("You are not a member of department"),
                    "the connection still answers");
            assertFalse(client.closed().isDone());
        }
    }

    @Test
    void anUpgradeWithoutAValidTokenIsRejected() {
        assertThrows(RuntimeException.class, () -> connector.baseUri(baseUri).path("/ws/queue").connectAndAwait());
        assertThrows(Exception.class, () -> QueueWebSocketClient.connect(baseUri, "forged.token.value"));
    }

    @Test
    void connectedClientsAreCounted() throws Exception {
        double before = StandIn.metric("medi_fanout_websocket_clients");
        try (QueueWebSocketClient client = QueueWebSocketClient.connect(baseUri, nurseOf(UUID.randomUUID()))) {
            client.next("welcome");
            assertEquals(before + 1, StandIn.metric("medi_fanout_websocket_clients"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.metric("medi_fanout_websocket_clients") == before);
    }

    private static void subscribe(QueueWebSocketClient client, UUID department) throws Exception {
        client.send(new JsonObject().put("type", "subscribe").put("departments", List.of(department.toString())));
    }

    /** A nurse working in {@code department} only. */
    static String nurseOf(UUID department) {
        return TestTokens.tokens().accessToken("test.nurse", List.of("nurse"), List.of(department.toString()));
    }

    private Set<String> connectionIds() {
        return openConnections.stream().map(WebSocketConnection::id).collect(Collectors.toSet());
    }

}

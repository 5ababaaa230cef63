package dev.medi.gateway.sse;

import dev.medi.gateway.support.QueueEventsProducer;
import dev.medi.gateway.support.SseClient;
import dev.medi.gateway.support.StandIn;
import dev.medi.platform.testing.ServiceEndpoints;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/queue/stream}: the staff queue stream as Server-Sent Events, read by the JDK's HttpClient. */
@QuarkusTest
class QueueEventStreamTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static QueueEventsProducer events;

    @TestHTTPResource("/api/v1/queue/stream")
    URI stream;

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
        ServiceEndpoints.awaitReady(ServiceEndpoints.managementUrl());
    }

    @Test
    void theSnapshotComesFirstThenTheEventsAfterIt() throws Exception {
        UUID general = UUID.randomUUID();
        UUID cardiology = UUID.randomUUID();
        String token = staffOf(general, cardiology);
        StandIn.snapshotAt(general, 5);
        StandIn.snapshotAt(cardiology, 9);
        try (SseClient client = SseClient.open(URI.create(stream + "?departments=" + general + "," + cardiology), token)) {
            JsonObject first = client.next("snapshot").json();
            JsonObject second = client.next("snapshot").json();
            assertEquals(java.util.Set.of(general.toString(), cardiology.toString()),
                    java.util.Set.of(first.getString("departmentId"), second.getString("departmentId")));
            assertEquals("Bearer " + token, StandIn.snapshotRequests(general).getString("authorization"));

            events.publish(general, 5); // in the snapshot already
            events.publish(general, 6);
            SseClient.Event event = client.next("queue-event");
            assertEquals(general + ":6", event.id());
            assertEquals(6, event.json().getLong("sequence"));
            assertEquals("GEN-006", event.json().getJsonObject("entry").getString("ticket"));
            // staff see who made the change (a public board does not: BoardStreamTest)
            assertEquals(QueueEventsProducer.ACTOR_ID, event.json().getJsonObject("actor").getString("id"));
            assertEquals(QueueEventsProducer.ACTOR_NAME, event.json().getJsonObject("actor").getString("name"));

            events.publish(cardiology, 10);
            assertEquals(cardiology + ":10", client.next("queue-event").id());

            JsonObject heartbeat = client.nextHeartbeat().json();
            assertEquals(6, heartbeat.getJsonObject("sequences").getLong(general.toString()));
            assertEquals(10, heartbeat.getJsonObject("sequences").getLong(cardiology.toString()));
        }
    }

    @Test
    void aStreamThatIsNotReadIsDroppedWhileAFastOneKeepsReceiving() throws Exception {
        UUID department = UUID.randomUUID();
        String token = staffOf(department);
        StandIn.snapshotAt(department, 0);
        String slowStream = "medi_fanout_slow_disconnects_total";
        double droppedBefore = StandIn.metric(slowStream, "transport=\"sse\"", "kind=\"staff\"");
        try (SseClient fast = SseClient.open(URI.create(stream + "?departments=" + department), token);
             Socket slow = new Socket()) {
            fast.next("snapshot");
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(stream.getHost(), stream.getPort()), 5000);
            slow.getOutputStream().write(("GET " + stream.getPath() + "?departments=" + department + " HTTP/1.1\r\n"
                    + "Host: " + stream.getHost() + "\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            // The slow stream is registered once its snapshot was asked for; it never reads a byte.
            await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.snapshotRequests(department).getInteger("count") == 2);
            String padding = "x".repeat(400_000);
            long sequence = 0;
            while (StandIn.metric(slowStream, "transport=\"sse\"", "kind=\"staff\"") == droppedBefore) {
                assertTrue(sequence < 80, "the slow stream was never dropped");
                sequence++;
                events.publishUnchecked(department, sequence,
                        QueueEventsProducer.entry(department, "GEN-001", "ARRIVED", null).put("padding", padding));
                assertEquals(sequence, fast.next("queue-event").json().getLong("sequence"));
            }
            events.publish(department, sequence + 1);
            assertEquals(sequence + 1, fast.next("queue-event").json().getLong("sequence"), "the fast stream is unaffected");
            assertFalse(fast.ended());
        }
    }

    @Test
    void withoutAValidTokenTheStreamIs401() {
        given().accept("text/event-stream").get("/api/v1/queue/stream?departments=" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
        given().auth().oauth2("not-a-token").get("/api/v1/queue/stream?departments=" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aDepartmentOutsideTheTokenIs403() {
        UUID mine = UUID.randomUUID();
        given().auth().oauth2(staffOf(mine)).get("/api/v1/queue/stream?departments=" + mine + "," + UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/forbidden"));
        assertEquals(0, StandIn.snapshotRequests(mine).getInteger("count"), "nothing is fetched for a refused stream");
    }

    @Test
    void missingOrMalformedDepartmentsAre400() {
        String token = staffOf(UUID.randomUUID());
        given().auth().oauth2(token).get("/api/v1/queue/stream")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/validation"));
        given().auth().oauth2(token).get("/api/v1/queue/stream?departments=general")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aFailedSnapshotEndsTheStreamWithAnError() throws Exception {
        UUID department = UUID.randomUUID();
        StandIn.snapshot(department, new JsonObject().put("status", 500));
        try (SseClient client = SseClient.open(URI.create(stream + "?departments=" + department), staffOf(department))) {
            JsonObject error = client.next("error").json();
            assertEquals(department.toString(), error.getString("departmentId"));
            await().atMost(Duration.ofSeconds(10)).until(client::ended);
        }
    }

    @Test
    void openStreamsAreCounted() throws Exception {
        UUID department = UUID.randomUUID();
        double before = StandIn.metric("medi_fanout_sse_clients", "kind=\"staff\"");
        try (SseClient client = SseClient.open(URI.create(stream + "?departments=" + department), staffOf(department))) {
            client.next("snapshot");
            assertEquals(before + 1, StandIn.metric("medi_fanout_sse_clients", "kind=\"staff\""));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.metric("medi_fanout_sse_clients", "kind=\"staff\"") == before);
        assertTrue(StandIn.metric("medi_fanout_delivered_total") > 0);
    }

    private static String staffOf(UUID... departments) {
        return TestTokens.tokens().accessToken("test.doctor", List.of("doctor"),
                java.util.Arrays.stream(departments).map(UUID::toString).toList());
    }
}

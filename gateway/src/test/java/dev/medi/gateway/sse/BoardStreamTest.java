package dev.medi.gateway.sse;

import dev.medi.gateway.support.QueueEventsProducer;
import dev.medi.gateway.support.SseClient;
import dev.medi.gateway.support.StandIn;
import dev.medi.platform.testing.ServiceEndpoints;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public waiting-room board: no token, and never more than ticket, status and room. */
@QuarkusTest
class BoardStreamTest {

    private static final Set<String> TICKET_FIELDS = Set.of("type", "departmentId", "sequence", "ticket", "status", "room");

    private static QueueEventsProducer events;

    @TestHTTPResource("/")
    URI baseUri;

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
    void theBoardStreamsTicketsOnlyWithoutAToken() throws Exception {
        UUID department = UUID.randomUUID();
        // A board with a field it should never have had: the gateway passes on the public fields only.
        StandIn.snapshot(department, new JsonObject().put("sequence", 3).put("tickets", new JsonArray()
                .add(new JsonObject().put("ticket", "GEN-002").put("status", "CALLED").put("room", "Room 3")
                        .put("arrivalName", "Jane Example"))));
        try (SseClient board = SseClient.open(baseUri.resolve("/api/v1/public/boards/" + department + "/stream"), null)) {
            SseClient.Event first = board.next("board");
            assertEquals(department + ":3", first.id());
            JsonObject snapshot = first.json();
            assertEquals("General", snapshot.getString("department"));
            assertEquals(3, snapshot.getLong("sequence"));
            assertEquals(new JsonObject().put("ticket", "GEN-002").put("status", "CALLED").put("room", "Room 3"),
                    snapshot.getJsonArray("tickets").getJsonObject(0));
            assertFalse(first.data().contains("Jane"));

            JsonObject entry = QueueEventsProducer.entry(department, "GEN-004", "CALLED", "Room 5");
            events.publish(department, 3, QueueEventsProducer.entry(department, "GEN-003", "ARRIVED", null)); // in the board already
            events.publish(department, 4, entry);

            SseClient.Event called = board.next("ticket");
            assertEquals(department + ":4", called.id());
            JsonObject ticket = called.json();
            assertEquals(TICKET_FIELDS, ticket.fieldNames(), "only ticket, status, room, department and sequence");
            assertEquals(new JsonObject().put("type", "ticket").put("departmentId", department.toString()).put("sequence", 4)
                    .put("ticket", "GEN-004").put("status", "CALLED").put("room", "Room 5"), ticket);
            for (String personal : new String[] {"Jane", "chest pain", entry.getString("patientId"), entry.getString("id"),
                    entry.getString("calledBy"), "chiefComplaint", "arrivalName", "patientId",
                    QueueEventsProducer.ACTOR_ID, QueueEventsProducer.ACTOR_NAME, "actor", "receptionist"}) {
                assertFalse(called.data().contains(personal), "a board frame must not carry " + personal);
            }
        }
    }

    @Test
    void theBoardItselfIsForwardedToQueueServiceWithoutAToken() {
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 12);
        given().get("/api/v1/public/boards/" + department)
                .then().statusCode(200).body("sequence", equalTo(12)).body("department", equalTo("General"));
    }

    @Test
    void anUnknownBoardIs404() {
        given().get("/api/v1/public/boards/not-a-department/stream")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theBoardPageIsServed() {
        given().get("/board/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("board.js"));
        given().get("/board/board.js").then().statusCode(200).body(containsString("new EventSource"));
    }

    /**
     * One address holds at most {@code max-board-clients-per-address} boards (3 in tests, far below the 500 of
     * the replica): a single machine cannot take the places every waiting-room screen needs. A forwarded
     * address from a peer that is not a trusted proxy changes nothing.
     */
    @Test
    void oneAddressCannotTakeEveryBoard() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.metric("medi_fanout_sse_clients", "kind=\"board\"") == 0);
        UUID department = UUID.randomUUID();
        StandIn.snapshotAt(department, 1);
        URI uri = baseUri.resolve("/api/v1/public/boards/" + department + "/stream");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                SseClient board = SseClient.open(uri, null);
                open.add(board);
                board.next("board");
            }
            Answer refused = refusedOrOpen(HttpRequest.newBuilder(uri));
            assertEquals(429, refused.status());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals(429, new JsonObject(refused.body()).getInteger("status"));
            // a forwarded address from a peer that is no trusted proxy is not the client's address
            assertEquals(429, refusedOrOpen(HttpRequest.newBuilder(uri).header("X-Forwarded-For", "10.20.30.40")
                    .header("Forwarded", "for=10.20.30.41")).status());

            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.metric("medi_fanout_sse_clients", "kind=\"board\"") == 2);
            try (SseClient again = SseClient.open(uri, null)) {
                again.next("board"); // a closed board gives its place back
            }
        } finally {
            for (SseClient board : open) {
                board.close();
            }
        }
    }

    /** Status, headers and (if refused) body of a board request; an open stream is closed unread, it would never end. */
    private record Answer(int status, HttpHeaders headers, String body) {
    }

    private static Answer refusedOrOpen(HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return new Answer(response.statusCode(), response.headers(), response.statusCode() == 200 ? ""
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void openBoardsAreCounted() throws Exception {
        UUID department = UUID.randomUUID();
        double before = StandIn.metric("medi_fanout_sse_clients", "kind=\"board\"");
        try (SseClient board = SseClient.open(baseUri.resolve("/api/v1/public/boards/" + department + "/stream"), null)) {
            board.next("board");
            assertEquals(before + 1, StandIn.metric("medi_fanout_sse_clients", "kind=\"board\""));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> StandIn.metric("medi_fanout_sse_clients", "kind=\"board\"") == before);
    }
}

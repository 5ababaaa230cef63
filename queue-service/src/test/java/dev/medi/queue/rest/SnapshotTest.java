package dev.medi.queue.rest;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.queue.QueueApi.ROOM;
import static dev.medi.queue.QueueApi.as;
import static dev.medi.queue.QueueApi.checkIn;
import static dev.medi.queue.QueueApi.newDepartment;
import static dev.medi.queue.QueueApi.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The department snapshot, the public board and the SLA monitor's breach events. */
@QuarkusTest
class SnapshotTest {

    @Test
    void theSnapshotListsTheQueueInOrderAtTheLastEventSequence() {
        String department = newDepartment();
        String first = checkIn(department, "cough");
        String urgent = checkIn(department, "chest pain");
        String called = checkIn(department, "earache");
        Map<String, Object> body = triage(2);
        body.put("finalLevel", 2);
        body.put("overrideReason", "cardiac history");
        as("nurse").body(body).post("/api/v1/queues/{d}/entries/{id}/triage", department, urgent).then().statusCode(200);
        as("doctor").body(Map.of("room", ROOM, "entryId", called)).post("/api/v1/queues/{d}/call-next", department).then().statusCode(200);

        String document = as("receptionist").get("/api/v1/queues/{d}/snapshot", department)
                .then().statusCode(200).extract().asString();
        EventSchemas.assertValid("medi.queue.snapshot.v1", document);
        JsonPath snapshot = JsonPath.from(document);
        assertEquals(5, snapshot.getLong("sequence"), "three check-ins, a triage and a call");
        assertEquals(List.of(urgent, first, called), snapshot.getList("entries.entry.id"));
        assertEquals(List.of(1, 2), snapshot.getList("entries.position").subList(0, 2));
        assertNull(snapshot.get("entries[2].position"), "a called entry has no place in the queue");
        assertEquals("OK", snapshot.getString("entries[1].slaState"));
        assertEquals(0, snapshot.getInt("entries[0].estimatedWaitSeconds"), "first in line");
        assertTrue(snapshot.getInt("entries[1].estimatedWaitSeconds") > 0);
        assertEquals("CALLED", snapshot.getString("entries[2].entry.status"));

        List<ConsumerRecord<String, String>> events = TopicReader.awaitRecords(Topics.QUEUE_EVENTS,
                record -> department.equals(record.key()), 5);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(e -> new JsonObject(e.value()).getLong("sequence")).toList());
        events.forEach(event -> EventSchemas.assertValid(Topics.QUEUE_EVENTS, event.value()));
    }

    @Test
    void theSnapshotIsForMembersOfTheDepartment() {
        String department = newDepartment();
        given().auth().oauth2(dev.medi.platform.testing.TestTokens.forRoles("nurse")) // demo departments only
                .get("/api/v1/queues/{d}/snapshot", department).then().statusCode(403);
        given().get("/api/v1/queues/{d}/snapshot", department).then().statusCode(401);
        as("admin").get("/api/v1/queues/{d}/snapshot", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void thePublicBoardShowsTicketsOnlyAndNeedsNoSignIn() {
        String department = newDepartment();
        String entry = checkIn(department, "very private complaint");
        String board = given().get("/api/v1/public/boards/{d}", department)
                .then().statusCode(200).body("tickets.size()", equalTo(1)).body("tickets[0].status", equalTo("ARRIVED"))
                .extract().asString();
        EventSchemas.assertValid("medi.queue.board.v1", board);
        assertFalse(board.contains("private complaint"));
        assertFalse(board.contains("Test Arrival"), "no names");
        assertFalse(board.contains(entry), "no entry or patient ids");
    }

    @Test
    void anEntryWaitingPastItsTargetEmitsOneBreachEventAndMovesUp() {
        // every level's target is 0 minutes: the monitor (every second in tests) finds the breach at once
        String department = newDepartment(List.of(0, 0, 0, 0, 0));
        String entry = checkIn(department, "cough");
        ConsumerRecord<String, String> breach = TopicReader.awaitOne(Topics.QUEUE_EVENTS,
                record -> entry.equals(TopicReader.header(record, "ce_subject"))
                        && "medi.queue.entry.sla-breached.v1".equals(TopicReader.header(record, "ce_type")));
        JsonObject data = new JsonObject(breach.value());
        assertEquals(2, data.getJsonObject("entry").getInteger("priority"), "untriaged (3) moved up one step");
        assertTrue(data.getJsonObject("entry").getString("slaBreachedAt") != null);
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, breach.value());
        assertTrue(data.containsKey("actor") && data.getValue("actor") == null, "the monitor's own change names no user");
        as("nurse").get("/api/v1/queues/{d}/snapshot", department).then().body("entries[0].slaState", equalTo("BREACHED"));

        // the next check-in is numbered right after the breach: the monitor's events share the sequence
        String later = checkIn(department, "cough");
        ConsumerRecord<String, String> next = TopicReader.awaitOne(Topics.QUEUE_EVENTS,
                record -> later.equals(TopicReader.header(record, "ce_subject")));
        long breaches = TopicReader.awaitRecords(Topics.QUEUE_EVENTS, record -> department.equals(record.key())
                && "medi.queue.entry.sla-breached.v1".equals(TopicReader.header(record, "ce_type"))
                && entry.equals(TopicReader.header(record, "ce_subject")), 1).size();
        assertEquals(1, breaches, "one breach event per entry");
        assertTrue(new JsonObject(next.value()).getLong("sequence") > data.getLong("sequence"));
    }
}

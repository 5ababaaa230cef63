package dev.medi.gateway.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueSnapshot;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.testing.EventSchemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The documents the gateway passes on to its clients keep the published contracts (platform/events schemas/): the
 * staff snapshot frame carries queue-service's snapshot as it is ({@code medi.queue.snapshot.v1}), the public board
 * frame is a board ({@code medi.queue.board.v1}: public fields only), and a staff queue-event frame carries the
 * event's data ({@code medi.queue.events.v1}) beside its CloudEvent id, type and time.
 */
class PassedOnDocumentsContractTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123456Z");
    /** As queue-service's ObjectMapper writes: ISO-8601 times. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static QueueEntrySnapshot entry(String ticket, String status, String room) {
        return new QueueEntrySnapshot(UUID.randomUUID(), DEPARTMENT, ticket, UUID.randomUUID(), "Jane Example", status,
                "chest pain", NOW, 2, 2, NOW.plusSeconds(600), null, room == null ? null : UUID.randomUUID(), room,
                null, null, 3);
    }

    @Test
    void theStaffSnapshotFramePassesTheSnapshotOnAsQueueServiceSentIt() throws Exception {
        QueueSnapshot snapshot = new QueueSnapshot(DEPARTMENT, 17, NOW, List.of(
                new QueueSnapshot.Item(entry("GEN-014", QueueStatuses.TRIAGED, null), 1, 120, "OK", 0L),
                new QueueSnapshot.Item(entry("GEN-015", QueueStatuses.ARRIVED, null), 2, 60, "DUE_SOON", 300L),
                new QueueSnapshot.Item(entry("GEN-009", QueueStatuses.CALLED, "Room 2"), null, 900, null, null)));
        String sent = JSON.writeValueAsString(snapshot);
        EventSchemas.assertValid("medi.queue.snapshot.v1", sent);

        JsonObject frame = new JsonObject(QueueFrames.snapshot(DEPARTMENT, 17, new JsonObject(sent)).json());

        assertEquals("snapshot", frame.getString("type"));
        assertEquals(DEPARTMENT.toString(), frame.getString("departmentId"));
        EventSchemas.assertValid("medi.queue.snapshot.v1", frame.getJsonObject("snapshot").encode());
        assertEquals(new JsonObject(sent), frame.getJsonObject("snapshot"), "passed on unchanged");
    }

    @Test
    void theBoardFrameIsABoardWithPublicFieldsOnly() {
        JsonObject sent = new JsonObject().put("departmentId", DEPARTMENT.toString()).put("department", "General")
                .put("sequence", 17).put("generatedAt", NOW.toString())
                .put("tickets", new JsonArray()
                        .add(new JsonObject().put("ticket", "GEN-014").put("status", "ARRIVED").put("room", null))
                        .add(new JsonObject().put("ticket", "GEN-009").put("status", "CALLED").put("room", "Room 2")));
        EventSchemas.assertValid("medi.queue.board.v1", sent.encode());
        // A field a later queue-service might add to a ticket never reaches a public screen.
        sent.getJsonArray("tickets").getJsonObject(0).put("arrivalName", "Jane Example");

        JsonObject frame = new JsonObject(BoardProjection.board(DEPARTMENT, 17, sent).json());

        EventSchemas.assertValid("medi.queue.board.v1", frame.encode());
        assertEquals("board", frame.getString("type"));
        assertEquals(2, frame.getJsonArray("tickets").size());
    }

    @Test
    void theBoardSchemaRefusesWhatAPublicScreenMustNotShow() {
        JsonObject board = new JsonObject().put("departmentId", DEPARTMENT.toString()).put("sequence", 1)
                .put("tickets", new JsonArray().add(new JsonObject().put("ticket", "GEN-014").put("status", "ARRIVED")
                        .put("room", null).put("arrivalName", "Jane Example")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid("medi.queue.board.v1", board.encode()));
    }

    @Test
    void aTicketFrameFromATypedEventIsABoardLine() {
        JsonObject frame = new JsonObject(BoardProjection.ticket(DEPARTMENT, 18,
                entry("GEN-014", QueueStatuses.CALLED, "Room 2")).json());
        JsonObject asBoard = new JsonObject().put("departmentId", DEPARTMENT.toString()).put("sequence", 18)
                .put("tickets", new JsonArray().add(new JsonObject().put("ticket", frame.getString("ticket"))
                        .put("status", frame.getString("status")).put("room", frame.getString("room"))));
        EventSchemas.assertValid("medi.queue.board.v1", asBoard.encode());
        assertEquals(java.util.Set.of("type", "departmentId", "sequence", "ticket", "status", "room"), frame.fieldNames());
    }

    @Test
    void theStaffQueueEventFrameCarriesTheEventDataUnchanged() throws Exception {
        QueueEventData data = new QueueEventData(DEPARTMENT, 18, entry("GEN-014", QueueStatuses.CALLED, "Room 2"), null,
                new QueueEventActor(UUID.randomUUID().toString(), "doctor.gen", List.of("doctor")));
        String sent = JSON.writeValueAsString(data);
        EventSchemas.assertValid(QueueEvents.CALLED, sent);

        JsonObject frame = new JsonObject(QueueFrames.queueEvent(DEPARTMENT, 18, new JsonObject(sent), "e-18",
                QueueEvents.CALLED.type(), NOW).json());

        assertEquals(QueueEvents.CALLED.type(), frame.getString("eventType"));
        JsonObject passedOn = frame.copy();
        List.of("type", "eventId", "eventType", "time").forEach(passedOn::remove);
        EventSchemas.assertValid(QueueEvents.CALLED, passedOn.encode());
        assertEquals(new JsonObject(sent), passedOn);
    }
}

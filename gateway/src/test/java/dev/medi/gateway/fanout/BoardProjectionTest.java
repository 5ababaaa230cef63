package dev.medi.gateway.fanout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BoardProjectionTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();

    private static JsonObject fullEntry() {
        return new JsonObject()
                .put("id", UUID.randomUUID().toString())
                .put("departmentId", DEPARTMENT.toString())
                .put("ticket", "GEN-014")
                .put("patientId", UUID.randomUUID().toString())
                .put("arrivalName", "Jane Example")
                .put("status", "CALLED")
                .put("chiefComplaint", "chest pain")
                .put("esiLevel", 2)
                .put("calledBy", UUID.randomUUID().toString())
                .put("room", "Room 3")
                .put("somethingAddedLater", "Jane's birthday");
    }

    @Test
    void aTicketFrameCopiesTicketStatusAndRoomOnly() {
        JsonObject entry = fullEntry();
        JsonObject frame = new JsonObject(BoardProjection.ticket(DEPARTMENT, 42, entry).json());
        assertEquals(Set.of("type", "departmentId", "sequence", "ticket", "status", "room"), frame.fieldNames());
        assertEquals("GEN-014", frame.getString("ticket"));
        assertEquals("CALLED", frame.getString("status"));
        assertEquals("Room 3", frame.getString("room"));
        assertEquals(42, frame.getLong("sequence"));
        String text = frame.encode();
        for (String personal : new String[] {"Jane", "chest", entry.getString("patientId"), entry.getString("calledBy"), entry.getString("id")}) {
            assertFalse(text.contains(personal), personal);
        }
    }

    @Test
    void theBoardKeepsOnlyPublicFields() {
        JsonObject board = new JsonObject().put("departmentId", DEPARTMENT.toString()).put("department", "General")
                .put("sequence", 9).put("generatedAt", "2026-01-01T00:00:00Z").put("staffNote", "Jane again")
                .put("tickets", new JsonArray().add(fullEntry()).add("not an object"));
        JsonObject frame = new JsonObject(BoardProjection.board(DEPARTMENT, 9, board).json());
        assertEquals(Set.of("type", "departmentId", "department", "sequence", "generatedAt", "tickets"), frame.fieldNames());
        assertEquals(new JsonArray().add(new JsonObject().put("ticket", "GEN-014").put("status", "CALLED").put("room", "Room 3")),
                frame.getJsonArray("tickets"));
        assertFalse(frame.encode().contains("Jane"));
    }
}

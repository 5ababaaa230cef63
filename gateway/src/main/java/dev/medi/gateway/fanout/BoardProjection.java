package dev.medi.gateway.fanout;

import dev.medi.platform.events.QueueEntrySnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * What a public waiting-room screen may show: ticket numbers, their status and room, nothing else. Built
 * here by copying those fields only (never by removing the others), so a field added to the event or the
 * board later cannot reach a public screen by accident: no names, no patient ids, no complaints.
 */
public final class BoardProjection {

    public static final String BOARD = "board";
    public static final String TICKET = "ticket";

    /** The board from queue-service ({@code GET /api/v1/public/boards/{dept}}), reduced to the public fields. */
    public static Frame board(UUID departmentId, long sequence, JsonObject board) {
        JsonArray tickets = new JsonArray();
        JsonArray offered = board.getValue("tickets") instanceof JsonArray array ? array : new JsonArray();
        for (Object item : offered) {
            if (item instanceof JsonObject ticket) {
                tickets.add(item(ticket));
            }
        }
        JsonObject json = new JsonObject()
                .put("type", BOARD)
                .put("departmentId", departmentId.toString())
                .put("department", board.getValue("department") instanceof String name ? name : null)
                .put("sequence", sequence)
                .put("generatedAt", board.getValue("generatedAt") instanceof String at ? at : null)
                .put("tickets", tickets);
        return new Frame(BOARD, QueueFrames.streamId(departmentId, sequence), json.encode());
    }

    /** One queue event as a board line: the entry's ticket, status and room at {@code sequence}. */
    public static Frame ticket(UUID departmentId, long sequence, JsonObject entry) {
        JsonObject json = new JsonObject()
                .put("type", TICKET)
                .put("departmentId", departmentId.toString())
                .put("sequence", sequence)
                .mergeIn(item(entry == null ? new JsonObject() : entry));
        return new Frame(TICKET, QueueFrames.streamId(departmentId, sequence), json.encode());
    }

    /** One queue event's entry as a board line: its ticket, status and room at {@code sequence}. */
    public static Frame ticket(UUID departmentId, long sequence, QueueEntrySnapshot entry) {
        JsonObject json = new JsonObject()
                .put("type", TICKET)
                .put("departmentId", departmentId.toString())
                .put("sequence", sequence)
                .put("ticket", entry == null ? null : entry.ticket())
                .put("status", entry == null ? null : entry.status())
                .put("room", entry == null ? null : entry.room());
        return new Frame(TICKET, QueueFrames.streamId(departmentId, sequence), json.encode());
    }

    private static JsonObject item(JsonObject source) {
        return new JsonObject()
                .put("ticket", text(source, "ticket"))
                .put("status", text(source, "status"))
                .put("room", text(source, "room"));
    }

    private static String text(JsonObject source, String field) {
        return source.getValue(field) instanceof String value ? value : null;
    }

    private BoardProjection() {
    }
}

package dev.medi.gateway.fanout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The frames of the staff queue stream (WebSocket {@code /ws/queue} and SSE {@code /api/v1/queue/stream}). */
public final class QueueFrames {

    public static final String WELCOME = "welcome";
    public static final String SUBSCRIBED = "subscribed";
    public static final String SNAPSHOT = "snapshot";
    public static final String QUEUE_EVENT = "queue-event";
    public static final String HEARTBEAT = "heartbeat";
    public static final String ERROR = "error";
    public static final String TOKEN_EXPIRING = "token-expiring";
    public static final String REAUTHENTICATED = "reauthenticated";
    public static final String REAUTHENTICATE_REFUSED = "reauthenticate-refused";

    public static Frame welcome(Duration heartbeatInterval) {
        return frame(WELCOME, null, new JsonObject().put("heartbeatSeconds", heartbeatInterval.toSeconds()));
    }

    public static Frame subscribed(Collection<UUID> departments) {
        return frame(SUBSCRIBED, null, new JsonObject().put("departments", ids(departments)));
    }

    /** The department's queue as queue-service returned it; events up to {@code sequence} are in it. */
    public static Frame snapshot(UUID departmentId, long sequence, JsonObject snapshot) {
        return frame(SNAPSHOT, streamId(departmentId, sequence), new JsonObject()
                .put("departmentId", departmentId.toString()).put("snapshot", snapshot));
    }

    /**
     * A queue event: its CloudEvent data ({@code departmentId}, {@code sequence}, {@code entry}) with the
     * CloudEvent id, type and time beside it.
     */
    public static Frame queueEvent(UUID departmentId, long sequence, JsonObject data, String eventId, String eventType,
                                   Instant time) {
        JsonObject json = new JsonObject().put("type", QUEUE_EVENT).put("eventId", eventId).put("eventType", eventType);
        if (time != null) {
            json.put("time", time.toString());
        }
        json.mergeIn(data.copy().put("departmentId", departmentId.toString()).put("sequence", sequence));
        return new Frame(QUEUE_EVENT, streamId(departmentId, sequence), json.encode());
    }

    /** The last sequence sent per department: a client behind it missed an event and resyncs. */
    public static Frame heartbeat(Instant now, Map<UUID, Long> sequences) {
        JsonObject perDepartment = new JsonObject();
        sequences.forEach((department, sequence) -> perDepartment.put(department.toString(), sequence));
        return frame(HEARTBEAT, null, new JsonObject().put("time", now.toString()).put("sequences", perDepartment));
    }

    /** A problem with one department ({@code departmentId}) or with the client's message ({@code null}). */
    public static Frame error(UUID departmentId, String detail) {
        JsonObject json = new JsonObject();
        if (departmentId != null) {
            json.put("departmentId", departmentId.toString());
        }
        return frame(ERROR, null, json.put("detail", detail));
    }

    /** The stream's token expires at {@code expiresAt}: re-authenticate before, or the connection closes then. */
    public static Frame tokenExpiring(Instant expiresAt) {
        return frame(TOKEN_EXPIRING, null, new JsonObject().put("expiresAt", expiresAt.toString()));
    }

    /** The fresh token was accepted: the stream now ends at its expiry; {@code departments} are still followed. */
    public static Frame reauthenticated(Instant expiresAt, Collection<UUID> departments) {
        return frame(REAUTHENTICATED, null, new JsonObject().put("expiresAt", expiresAt.toString())
                .put("departments", ids(departments)));
    }

    /** The fresh token was not accepted; the stream goes on with the old one until it expires. */
    public static Frame reauthenticateRefused(String detail) {
        return frame(REAUTHENTICATE_REFUSED, null, new JsonObject().put("detail", detail));
    }

    /** The last frame of a stream whose authorisation ended. */
    public static Frame ended(StreamEnd why) {
        return frame(why.frameType(), null, new JsonObject().put("detail", why == StreamEnd.TOKEN_EXPIRED
                ? "The access token expired. Reconnect with a fresh token."
                : "The session has ended. Sign in again."));
    }

    /** SSE {@code id} of a frame at a sequence number: {@code <department>:<sequence>}. */
    public static String streamId(UUID departmentId, long sequence) {
        return departmentId + ":" + sequence;
    }

    static Frame frame(String type, String id, JsonObject fields) {
        JsonObject json = new JsonObject().put("type", type).mergeIn(fields);
        return new Frame(type, id, json.encode());
    }

    private static JsonArray ids(Collection<UUID> departments) {
        JsonArray array = new JsonArray();
        departments.forEach(department -> array.add(department.toString()));
        return array;
    }

    private QueueFrames() {
    }
}

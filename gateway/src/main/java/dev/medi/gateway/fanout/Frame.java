package dev.medi.gateway.fanout;

/**
 * One message to a client of the live queue. On the WebSocket only {@code json} is sent (it carries its
 * {@code type}); on an SSE stream {@code type} is the {@code event:} name and {@code id} the {@code id:}.
 *
 * @param type what the frame is: {@code snapshot}, {@code queue-event}, {@code heartbeat}, {@code error}, ...
 * @param id   {@code <department>:<sequence>} for frames at a sequence number, else {@code null}
 * @param json the frame as one line of JSON
 */
public record Frame(String type, String id, String json) {
}

package dev.medi.gateway.websocket;

import dev.medi.gateway.service.QueueFanOut;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /ws/queue}: live queue events for the departments a client subscribes to. The upgrade is
 * authenticated (token in the {@code Sec-WebSocket-Protocol} header, see README); a client may only follow
 * departments its user works in.
 *
 * <pre>
 * client: {"type":"subscribe","departments":["&lt;uuid&gt;", ...]}
 * server: {"type":"subscribed","departments":[...]}   or   {"type":"error","detail":"..."}
 * server: {"type":"queue-event","eventId":..,"eventType":..,"departmentId":..,"sequence":..,"entry":{..}}
 * </pre>
 */
@WebSocket(path = "/ws/queue")
public class QueueWebSocket {

    private final QueueFanOut fanOut;
    private final SecurityIdentity identity;

    QueueWebSocket(QueueFanOut fanOut, SecurityIdentity identity) {
        this.fanOut = fanOut;
        this.identity = identity;
    }

    /** A message from the client. */
    public record ClientMessage(String type, List<UUID> departments) {
    }

    /** A control message to the client. */
    public record ServerMessage(String type, List<UUID> departments, String detail) {
        static ServerMessage error(String detail) {
            return new ServerMessage("error", null, detail);
        }
    }

    @OnOpen
    public ServerMessage onOpen() {
        return new ServerMessage("welcome", null, null);
    }

    @OnTextMessage
    public ServerMessage onMessage(ClientMessage message, WebSocketConnection connection) {
        if (!"subscribe".equals(message.type()) || message.departments() == null || message.departments().isEmpty()) {
            return ServerMessage.error("Send {\"type\":\"subscribe\",\"departments\":[...]} with at least one department id.");
        }
        Caller caller = Caller.of((JsonWebToken) identity.getPrincipal());
        for (UUID department : message.departments()) {
            if (!caller.mayAccessDepartment(department)) {
                return ServerMessage.error("You are not a member of department " + department + ".");
            }
        }
        fanOut.subscribe(connection, Set.copyOf(message.departments()));
        return new ServerMessage("subscribed", List.copyOf(Set.copyOf(message.departments())), null);
    }

    @OnError
    public ServerMessage onError(Exception failure) {
        // Usually an unreadable message; the connection stays open.
        return ServerMessage.error("Message not understood.");
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        fanOut.unsubscribe(connection);
    }
}

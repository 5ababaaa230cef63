package dev.medi.gateway.websocket;

import dev.medi.gateway.config.GatewayConfig;
import dev.medi.gateway.service.QueueFanOut;
import dev.medi.gateway.service.QueueFrames;
import dev.medi.gateway.service.QueueSubscriber;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /ws/queue}: the live queue of the departments a client subscribes to, snapshot first. The upgrade
 * is authenticated (token in the {@code Sec-WebSocket-Protocol} header, see README); a client may only
 * follow departments its user works in (the token's {@code departments} claim; admins all).
 *
 * <pre>
 * server: {"type":"welcome","heartbeatSeconds":15}
 * client: {"type":"subscribe","departments":["&lt;uuid&gt;", ...]}     replaces what the client followed
 * server: {"type":"subscribed","departments":[...]}
 *         then per department, as soon as queue-service answered:
 * server: {"type":"snapshot","departmentId":..,"snapshot":{QueueSnapshot: departmentId, sequence, generatedAt, entries}}
 * server: {"type":"queue-event","eventId":..,"eventType":..,"time":..,"departmentId":..,"sequence":..,"entry":{..}}
 *         only events with a sequence above the snapshot's; per department the sequence grows by one
 * client: {"type":"resync","departments":[...]}     after a gap (all followed departments if none given)
 * server: a fresh snapshot per department, then its events again
 * server: {"type":"heartbeat","time":..,"sequences":{"&lt;uuid&gt;":&lt;last sequence sent&gt;}}   every 15 s
 * server: {"type":"error","departmentId":..,"detail":".."}   a snapshot could not be loaded: nothing
 *         follows for that department until a resync; without departmentId: the message was refused
 * </pre>
 *
 * A client that leaves more than {@code medi.gateway.fanout.max-pending-frames} frames unread is closed
 * with code 1008 "too slow"; it reconnects and starts from a snapshot.
 */
@WebSocket(path = "/ws/queue")
public class QueueWebSocket {

    /** More would mean as many snapshot calls at once for one message; no one works in that many departments. */
    static final int MAX_DEPARTMENTS = 50;

    private final QueueFanOut fanOut;
    private final SecurityIdentity identity;
    private final GatewayConfig config;

    QueueWebSocket(QueueFanOut fanOut, SecurityIdentity identity, GatewayConfig config) {
        this.fanOut = fanOut;
        this.identity = identity;
        this.config = config;
    }

    /** A message from the client: {@code subscribe} or {@code resync}. */
    public record ClientMessage(String type, List<UUID> departments) {
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        QueueSubscriber subscriber = fanOut.open(connection.id(), QueueSubscriber.Kind.WEBSOCKET,
                new WebSocketSink(connection), token.getRawToken());
        subscriber.send(QueueFrames.welcome(config.fanout().heartbeatInterval()));
    }

    @OnTextMessage
    public void onMessage(ClientMessage message, WebSocketConnection connection) {
        QueueSubscriber subscriber = fanOut.find(connection.id());
        if (subscriber == null) {
            return; // dropped as too slow, closing
        }
        switch (message.type() == null ? "" : message.type()) {
            case "subscribe" -> subscribe(subscriber, message.departments());
            case "resync" -> resync(subscriber, message.departments());
            default -> subscriber.send(QueueFrames.error(null,
                    "Send {\"type\":\"subscribe\",\"departments\":[...]} or {\"type\":\"resync\",\"departments\":[...]}."));
        }
    }

    private void subscribe(QueueSubscriber subscriber, List<UUID> requested) {
        Set<UUID> departments = departments(requested);
        if (departments == null || departments.isEmpty()) {
            subscriber.send(QueueFrames.error(null, "Send {\"type\":\"subscribe\",\"departments\":[...]} with 1 to "
                    + MAX_DEPARTMENTS + " department ids."));
            return;
        }
        Caller caller = Caller.of((JsonWebToken) identity.getPrincipal());
        for (UUID department : departments) {
            if (!caller.mayAccessDepartment(department)) {
                subscriber.send(QueueFrames.error(null, "You are not a member of department " + department + "."));
                return;
            }
        }
        fanOut.subscribe(subscriber, departments, QueueFrames.subscribed(departments));
    }

    private void resync(QueueSubscriber subscriber, List<UUID> requested) {
        Set<UUID> departments = requested == null || requested.isEmpty() ? subscriber.departments() : departments(requested);
        if (departments == null || !fanOut.resync(subscriber, departments)) {
            subscriber.send(QueueFrames.error(null, "Resync only departments you subscribed to."));
        }
    }

    /** The requested ids without duplicates, in order; {@code null} if unusable. */
    private static Set<UUID> departments(List<UUID> requested) {
        if (requested == null || requested.size() > MAX_DEPARTMENTS || requested.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return new LinkedHashSet<>(requested);
    }

    @OnError
    public void onError(Exception failure, WebSocketConnection connection) {
        // Usually an unreadable message; the connection stays open.
        QueueSubscriber subscriber = fanOut.find(connection.id());
        if (subscriber != null) {
            subscriber.send(QueueFrames.error(null, "Message not understood."));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        QueueSubscriber subscriber = fanOut.find(connection.id());
        if (subscriber != null) {
            fanOut.close(subscriber);
        }
    }
}

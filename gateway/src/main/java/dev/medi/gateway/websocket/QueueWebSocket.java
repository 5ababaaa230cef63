package dev.medi.gateway.websocket;

import dev.medi.gateway.config.GatewayConfig;
import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.gateway.fanout.QueueFrames;
import dev.medi.gateway.fanout.QueueSubscriber;
import dev.medi.gateway.fanout.StreamToken;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
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
 * server: {"type":"token-expiring","expiresAt":..}   token-expiry-warning (60 s) before the token's exp
 * client: {"type":"reauthenticate","token":"&lt;fresh access token&gt;"}   same user (sub) and session (sid)
 * server: {"type":"reauthenticated","expiresAt":..,"departments":[...]}   the connection now lives until the new
 *         exp; departments the new token no longer allows are dropped (an error frame each)
 * server: {"type":"reauthenticate-refused","detail":..}   the old token still applies, until its exp
 * server: close 4401 "token expired" at exp without a fresh token; close 4403 "session ended" within seconds
 *         of a sign-out, a revoked session or a disabled account (each after a frame of that type)
 * </pre>
 *
 * A client that leaves more than {@code medi.gateway.fanout.max-pending-frames} frames unread is closed
 * with code 1008 "too slow"; it reconnects and starts from a snapshot.
 */
@WebSocket(path = "/ws/queue")
public class QueueWebSocket {

    /** More would mean as many snapshot calls at once for one message; no one works in that many departments. */
    static final int MAX_DEPARTMENTS = 50;

    /** Longer than any access token auth-service issues; a client sending more is not sending one. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final QueueFanOut fanOut;
    private final SecurityIdentity identity;
    private final GatewayConfig config;
    private final JWTParser verifier;

    QueueWebSocket(QueueFanOut fanOut, SecurityIdentity identity, GatewayConfig config, JWTParser verifier) {
        this.fanOut = fanOut;
        this.identity = identity;
        this.config = config;
        this.verifier = verifier;
    }

    /** A message from the client: {@code subscribe}, {@code resync} or {@code reauthenticate}. */
    public record ClientMessage(String type, List<UUID> departments, String token) {
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        // The upgrade's token: the connection ends at its expiry unless the client re-authenticates in-band.
        StreamToken token = StreamToken.of((JsonWebToken) identity.getPrincipal());
        QueueSubscriber subscriber = fanOut.open(connection.id(), QueueSubscriber.Kind.WEBSOCKET,
                new WebSocketSink(connection), token, null);
        subscriber.send(QueueFrames.welcome(config.fanout().heartbeatInterval()));
    }

    @OnTextMessage
    @Blocking // a reauthenticate message verifies a token, which may fetch the key set
    public void onMessage(ClientMessage message, WebSocketConnection connection) {
        QueueSubscriber subscriber = fanOut.find(connection.id());
        if (subscriber == null) {
            return; // dropped as too slow, closing
        }
        switch (message.type() == null ? "" : message.type()) {
            case "subscribe" -> subscribe(subscriber, message.departments());
            case "resync" -> resync(subscriber, message.departments());
            case "reauthenticate" -> reauthenticate(subscriber, message.token());
            default -> subscriber.send(QueueFrames.error(null, "Send {\"type\":\"subscribe\",\"departments\":[...]}, "
                    + "{\"type\":\"resync\",\"departments\":[...]} or {\"type\":\"reauthenticate\",\"token\":\"...\"}."));
        }
    }

    private void subscribe(QueueSubscriber subscriber, List<UUID> requested) {
        Set<UUID> departments = departments(requested);
        if (departments == null || departments.isEmpty()) {
            subscriber.send(QueueFrames.error(null, "Send {\"type\":\"subscribe\",\"departments\":[...]} with 1 to "
                    + MAX_DEPARTMENTS + " department ids."));
            return;
        }
        // the current token's departments: after a re-authentication, the fresh token's
        Caller caller = subscriber.token().caller();
        for (UUID department : departments) {
            if (!caller.mayAccessDepartment(department)) {
                subscriber.send(QueueFrames.error(null, "You are not a member of department " + department + "."));
                return;
            }
        }
        fanOut.subscribe(subscriber, departments, QueueFrames.subscribed(departments));
    }

    /**
     * Verifies {@code raw} in full, like a token on a request (signature with a key of the key set, RS256,
     * issuer, audience, expiry), then requires it to be unexpired and of the same user and sign-in session as
     * the connection's: a stolen token of someone else cannot take over a connection, and a token of another
     * session (revoked or not) cannot keep this one alive. Runs on a worker thread ({@code @Blocking} on
     * {@link #onMessage}): verification may fetch the key set.
     */
    private void reauthenticate(QueueSubscriber subscriber, String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_TOKEN_LENGTH) {
            subscriber.send(QueueFrames.reauthenticateRefused("Send {\"type\":\"reauthenticate\",\"token\":\"<access token>\"}."));
            return;
        }
        StreamToken fresh;
        try {
            fresh = StreamToken.of(verifier.parse(raw));
        } catch (ParseException | RuntimeException invalid) {
            // why is not told (nor logged with the token): forged, expired, wrong issuer or audience alike
            subscriber.send(QueueFrames.reauthenticateRefused("The token is not valid."));
            return;
        }
        if (!fresh.expiresAt().isAfter(Instant.now())) {
            // accepted by the verifier's clock skew, but would end the connection at once
            subscriber.send(QueueFrames.reauthenticateRefused("The token has expired."));
            return;
        }
        StreamToken current = subscriber.token();
        if (!current.sameSessionAs(fresh)) {
            Log.warnf("WebSocket client %s offered a token of another user or session", subscriber.id());
            subscriber.send(QueueFrames.reauthenticateRefused("The token belongs to another user or session."));
            return;
        }
        Set<UUID> dropped = fanOut.reauthenticate(subscriber, fresh);
        if (dropped == null) {
            subscriber.send(QueueFrames.reauthenticateRefused("The session has ended."));
            return;
        }
        subscriber.send(QueueFrames.reauthenticated(fresh.expiresAt(), subscriber.departments()));
        for (UUID department : dropped) {
            subscriber.send(QueueFrames.error(department, "You are no longer a member of department " + department + "."));
        }
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

package dev.medi.gateway.sse;

import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.gateway.fanout.QueueSubscriber;
import dev.medi.gateway.fanout.Revocations;
import dev.medi.gateway.fanout.StreamToken;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/queue/stream?departments=<uuid>,<uuid>}: the staff queue stream of {@code /ws/queue}
 * as Server-Sent Events, for clients that only read (bearer token in the {@code Authorization} header,
 * checked by the HTTP security layer like every {@code /api} path; the departments like on the WebSocket).
 *
 * <pre>
 * event: snapshot      id: &lt;dept&gt;:&lt;seq&gt;   data: {"type":"snapshot","departmentId":..,"snapshot":{QueueSnapshot}}
 * event: queue-event   id: &lt;dept&gt;:&lt;seq&gt;   data: {"type":"queue-event",...}   sequence above the snapshot's
 * event: heartbeat                       data: {"type":"heartbeat","time":..,"sequences":{..}}
 * event: error                           data: {"type":"error","departmentId":..,"detail":..}, then the stream ends
 * event: token-expired                   data: {"type":"token-expired","detail":..}   at the token's exp; then the stream ends
 * event: session-ended                   data: {"type":"session-ended","detail":..}   signed out / disabled; then the stream ends
 * </pre>
 *
 * An SSE client cannot send a fresh token on the stream: it reconnects with one (a client refreshes shortly
 * before {@code exp} and reconnects; the snapshot makes the gap harmless).
 *
 * There is no resync message: a client that sees a gap reconnects and gets fresh snapshots
 * ({@code Last-Event-ID} is not needed and ignored). Slow clients are dropped as on the WebSocket.
 */
@Singleton
public class QueueEventStream {

    public static final String PATH = "/api/v1/queue/stream";

    /** As on the WebSocket: more would mean as many snapshot calls for one request. */
    static final int MAX_DEPARTMENTS = 50;

    private final QueueFanOut fanOut;
    private final Revocations revocations;

    QueueEventStream(QueueFanOut fanOut, Revocations revocations) {
        this.fanOut = fanOut;
        this.revocations = revocations;
    }

    void installRoutes(@Observes Router router) {
        router.get(PATH).handler(this::open);
    }

    void open(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            // The security layer stops these first; this only guards against a changed permission config.
            ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.UNAUTHORIZED, "A valid access token is required.");
            return;
        }
        StreamToken streamToken = StreamToken.of(token);
        if (revocations.refuses(streamToken)) {
            // valid until it expires, but its session was revoked (or its user disabled) a moment ago
            ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.UNAUTHORIZED, "The session has ended. Sign in again.");
            return;
        }
        Set<UUID> departments = departments(ctx);
        if (departments == null) {
            ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.VALIDATION,
                    "Query parameter departments must list 1 to " + MAX_DEPARTMENTS + " department ids, separated by commas.");
            return;
        }
        Caller caller = streamToken.caller(); // made from the same token above: no second read of its claims
        for (UUID department : departments) {
            if (!caller.mayAccessDepartment(department)) {
                ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.FORBIDDEN,
                        "You are not a member of department " + department + ".");
                return;
            }
        }
        // Ends at the token's expiry (event: token-expired) or when the session ends (event: session-ended).
        QueueSubscriber subscriber = EventStreams.start(ctx.response(), fanOut, QueueSubscriber.Kind.STAFF_STREAM,
                streamToken, null);
        fanOut.subscribe(subscriber, departments, null);
    }

    /** {@code departments=a,b} or {@code departments=a&departments=b}; {@code null} if missing or not ids. */
    private static Set<UUID> departments(RoutingContext ctx) {
        Set<UUID> departments = new LinkedHashSet<>();
        for (String value : ctx.queryParam("departments")) {
            for (String id : value.split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                try {
                    departments.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return departments.isEmpty() || departments.size() > MAX_DEPARTMENTS ? null : departments;
    }
}

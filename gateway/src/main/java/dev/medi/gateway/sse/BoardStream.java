package dev.medi.gateway.sse;

import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.gateway.fanout.QueueSubscriber;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/public/boards/{dept}/stream}: a waiting-room screen's live board, without a token
 * (like {@code /api/v1/public/**}). Only ticket numbers, their status and room ever go out
 * ({@link dev.medi.gateway.fanout.BoardProjection}).
 *
 * <pre>
 * event: board    id: &lt;dept&gt;:&lt;seq&gt;   data: {"type":"board","departmentId":..,"department":"General","sequence":N,
 *                                           "generatedAt":..,"tickets":[{"ticket":"GEN-014","status":"CALLED","room":"Room 3"}]}
 * event: ticket   id: &lt;dept&gt;:&lt;seq&gt;   data: {"type":"ticket","departmentId":..,"sequence":N+1,"ticket":..,"status":..,"room":..}
 * event: heartbeat                  data: {"type":"heartbeat","time":..,"sequences":{..}}
 * event: error                      data: {"type":"error",...}, then the stream ends (EventSource reconnects)
 * </pre>
 *
 * A ticket whose status left the active ones (finished, transferred, ...) is to be removed from the
 * screen. A screen that sees a gap in the sequence reconnects.
 */
@Singleton
public class BoardStream {

    public static final String PATH = "/api/v1/public/boards/:department/stream";

    private final QueueFanOut fanOut;

    BoardStream(QueueFanOut fanOut) {
        this.fanOut = fanOut;
    }

    void installRoutes(@Observes Router router) {
        router.get(PATH).handler(this::open);
    }

    void open(RoutingContext ctx) {
        UUID department;
        try {
            department = UUID.fromString(ctx.pathParam("department"));
        } catch (IllegalArgumentException e) {
            ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.NOT_FOUND, "No such board.");
            return;
        }
        // Unauthenticated and long-lived: bounded per replica, so they cannot crowd out staff clients, and per
        // client address well below that, so one address cannot take every place the waiting-room screens need.
        // The address is the peer's (a forwarded one only from proxies trusted by quarkus.http.proxy.*).
        SocketAddress peer = ctx.request().remoteAddress();
        String address = peer == null ? "unknown" : peer.hostAddress();
        switch (fanOut.admitBoard(address)) {
            case REPLICA_FULL -> {
                ctx.response().putHeader("Retry-After", "30");
                ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.SERVICE_UNAVAILABLE,
                        "Too many boards are open. Try again shortly.");
                return;
            }
            case ADDRESS_FULL -> {
                ctx.response().putHeader("Retry-After", "60");
                ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.TOO_MANY_REQUESTS,
                        "Too many boards are open from this address. Close one or try again later.");
                return;
            }
            case ADMITTED -> {
                // below
            }
        }
        QueueSubscriber subscriber;
        try {
            subscriber = EventStreams.start(ctx.response(), fanOut, QueueSubscriber.Kind.BOARD_STREAM, null, address);
        } catch (RuntimeException notStarted) {
            fanOut.releaseBoard(address); // the place was never bound to a client
            throw notStarted;
        }
        fanOut.subscribe(subscriber, Set.of(department), null);
    }
}

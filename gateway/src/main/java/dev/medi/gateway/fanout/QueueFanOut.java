package dev.medi.gateway.fanout;

import dev.medi.gateway.client.QueueServiceClient;
import dev.medi.gateway.client.UpstreamStatusException;
import dev.medi.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live queue's clients on this replica (WebSocket, staff SSE, public boards), what they follow, and
 * delivery to them: snapshots fetched from queue-service on behalf of each client, queue events from
 * Kafka, heartbeats. Nothing here waits on a client (see {@link QueueSubscriber}).
 */
@Startup // its meters exist from the start, not from the first subscriber
@ApplicationScoped
public class QueueFanOut implements QueueSubscriber.Listener {

    private final QueueServiceClient queueService;
    private final GatewayConfig.FanOut config;
    private final Vertx vertx;
    private final Map<String, QueueSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<QueueSubscriber.Kind, AtomicInteger> connected = new EnumMap<>(QueueSubscriber.Kind.class);
    private final Counter delivered;
    private final Counter failed;
    private final Map<QueueSubscriber.Kind, Counter> tooSlow = new EnumMap<>(QueueSubscriber.Kind.class);
    private final Map<StreamEnd, Counter> ended = new EnumMap<>(StreamEnd.class);
    /** Client address of each open board (by client id), and open boards per address. */
    private final Map<String, String> boardAddresses = new ConcurrentHashMap<>();
    private final Map<String, Integer> boardsPerAddress = new ConcurrentHashMap<>();
    private final Revocations revocations;
    private long heartbeatTimer = -1;

    /** Whether a public board may open: yes, or which bound it would pass. */
    public enum BoardAdmission { ADMITTED, REPLICA_FULL, ADDRESS_FULL }

    QueueFanOut(QueueServiceClient queueService, GatewayConfig config, Vertx vertx, MeterRegistry registry,
                Revocations revocations) {
        this.revocations = revocations;
        this.queueService = queueService;
        this.config = config.fanout();
        this.vertx = vertx;
        this.delivered = Counter.builder("medi.fanout.delivered")
                .description("Frames (snapshots, queue events, heartbeats, control) written to queue stream clients")
                .register(registry);
        this.failed = Counter.builder("medi.fanout.failed")
                .description("Frames to queue stream clients that could not be written")
                .register(registry);
        Gauge.builder("medi.fanout.subscribers", subscribers,
                        all -> all.values().stream().filter(QueueSubscriber::following).count())
                .description("Clients following at least one department").register(registry);
        for (QueueSubscriber.Kind kind : QueueSubscriber.Kind.values()) {
            AtomicInteger count = new AtomicInteger();
            connected.put(kind, count);
            tooSlow.put(kind, Counter.builder("medi.fanout.slow.disconnects")
                    .description("Clients dropped because they did not read their frames fast enough")
                    .tag("transport", kind == QueueSubscriber.Kind.WEBSOCKET ? "websocket" : "sse")
                    .tag("kind", kind.board() ? "board" : "staff")
                    .register(registry));
        }
        for (StreamEnd why : StreamEnd.values()) {
            ended.put(why, Counter.builder("medi.fanout.auth.ended")
                    .description("Staff streams ended because their token expired or their session ended")
                    .tag("reason", why.frameType()).register(registry));
        }
        Gauge.builder("medi.fanout.websocket.clients", connected.get(QueueSubscriber.Kind.WEBSOCKET), AtomicInteger::get)
                .description("Open /ws/queue connections").register(registry);
        Gauge.builder("medi.fanout.sse.clients", connected.get(QueueSubscriber.Kind.STAFF_STREAM), AtomicInteger::get)
                .description("Open queue event streams (SSE)").tag("kind", "staff").register(registry);
        Gauge.builder("medi.fanout.sse.clients", connected.get(QueueSubscriber.Kind.BOARD_STREAM), AtomicInteger::get)
                .description("Open queue event streams (SSE)").tag("kind", "board").register(registry);
    }

    void startHeartbeat(@Observes StartupEvent ignored) {
        heartbeatTimer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> heartbeat());
    }

    void stopHeartbeat(@Observes ShutdownEvent ignored) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
    }

    /**
     * Registers a new client. {@code token} is forwarded for its snapshots and bounds its life: the stream ends
     * at its expiry, or when its session is revoked or its user disabled ({@code null} for boards, which
     * instead give their client {@code address}, admitted by {@link #admitBoard}). A token already revoked
     * ends the stream at once.
     */
    public QueueSubscriber open(String id, QueueSubscriber.Kind kind, FrameSink sink, StreamToken token, String address) {
        QueueSubscriber subscriber = new QueueSubscriber(id, kind, sink, token, config.maxPendingFrames(), this);
        if (subscribers.putIfAbsent(id, subscriber) != null) {
            throw new IllegalStateException("client " + id + " is already registered");
        }
        connected.get(kind).incrementAndGet();
        if (address != null) {
            boardAddresses.put(id, address);
        }
        if (token != null) {
            if (revocations.refuses(token)) {
                end(subscriber, StreamEnd.SESSION_ENDED);
            } else {
                checkToken(subscriber);
            }
        }
        return subscriber;
    }

    /**
     * Takes a place for a public board of {@code address} if both bounds allow it; an admitted board must be
     * {@link #open opened} with that address, which gives the place back when it closes.
     */
    public BoardAdmission admitBoard(String address) {
        if (boardClients() >= config.maxBoardClients()) {
            return BoardAdmission.REPLICA_FULL;
        }
        boolean[] admitted = {false};
        boardsPerAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= config.maxBoardClientsPerAddress()) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0] ? BoardAdmission.ADMITTED : BoardAdmission.ADDRESS_FULL;
    }

    /** Gives back a place taken by {@link #admitBoard} for a board that did not open. */
    public void releaseBoard(String address) {
        boardsPerAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
    }

    /**
     * Continues the client's stream on {@code fresh}, a fully verified token of the same user and session (the
     * caller checked): the stream now ends at its expiry, and departments it no longer allows are dropped
     * (returned). Refused ({@code null}) if the token's session was revoked meanwhile.
     */
    public Set<UUID> reauthenticate(QueueSubscriber subscriber, StreamToken fresh) {
        if (revocations.refuses(fresh)) {
            return null;
        }
        Set<UUID> dropped = subscriber.replaceToken(fresh);
        checkToken(subscriber);
        return dropped;
    }

    /** Ends every stream of the revoked session (auth-service: {@code medi.auth.session.revoked.v1}). */
    public void sessionRevoked(String sessionId) {
        revocations.sessionRevoked(sessionId);
        endRevoked();
    }

    /** Ends every stream of the disabled user (auth-service: {@code medi.auth.user.disabled.v1}). */
    public void userDisabled(String userId, Instant at) {
        revocations.userDisabled(userId, at);
        endRevoked();
    }

    private void endRevoked() {
        for (QueueSubscriber subscriber : subscribers.values()) {
            StreamToken token = subscriber.token();
            if (token != null && revocations.refuses(token)) {
                end(subscriber, StreamEnd.SESSION_ENDED);
            }
        }
    }

    /**
     * The client's token timer: sends the expiry warning (WebSocket clients, which can re-authenticate) once it
     * is due, ends the stream at expiry, and otherwise sets itself for the next of those moments. Timers fire on
     * an event loop; a re-authentication replaces the pending one.
     */
    private void checkToken(QueueSubscriber subscriber) {
        StreamToken token = subscriber.token();
        if (token == null || subscriber.isClosed()) {
            return;
        }
        Instant now = Instant.now();
        Instant warnAt = token.expiresAt().minus(config.tokenExpiryWarning());
        Instant next;
        if (!now.isBefore(token.expiresAt())) {
            end(subscriber, StreamEnd.TOKEN_EXPIRED);
            return;
        } else if (subscriber.kind().resyncsInPlace() && !now.isBefore(warnAt)) {
            if (subscriber.warn()) {
                subscriber.send(QueueFrames.tokenExpiring(token.expiresAt()));
            }
            next = token.expiresAt();
        } else {
            next = subscriber.kind().resyncsInPlace() ? warnAt : token.expiresAt();
        }
        long delay = Math.max(1, Duration.between(now, next).toMillis());
        long timer = vertx.setTimer(delay, id -> checkToken(subscriber));
        long previous = subscriber.tokenTimer(timer);
        if (previous >= 0 && previous != timer) {
            vertx.cancelTimer(previous);
        }
    }

    private void end(QueueSubscriber subscriber, StreamEnd why) {
        if (subscriber.end(QueueFrames.ended(why), why)) {
            ended.get(why).increment();
            Log.infof("ending %s client %s: %s", subscriber.kind(), subscriber.id(), why.closeReason());
        }
        forget(subscriber);
    }

    /** Removes the client from the registry (once) and gives back what it held. */
    private void forget(QueueSubscriber subscriber) {
        if (subscribers.remove(subscriber.id(), subscriber)) {
            connected.get(subscriber.kind()).decrementAndGet();
            long timer = subscriber.tokenTimer(-1);
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            String address = boardAddresses.remove(subscriber.id());
            if (address != null) {
                releaseBoard(address);
            }
        }
    }

    /** The client with this id, {@code null} once it is gone (closed or dropped as too slow). */
    public QueueSubscriber find(String id) {
        return subscribers.get(id);
    }

    /** Public boards open on this replica, for the cap on unauthenticated streams. */
    public int boardClients() {
        return connected.get(QueueSubscriber.Kind.BOARD_STREAM).get();
    }

    /** The client went away. Idempotent. */
    public void close(QueueSubscriber subscriber) {
        subscriber.close();
        forget(subscriber);
    }

    /**
     * From now on the client follows exactly {@code departments}: {@code subscribed} (when given) goes out
     * first, then per department its snapshot and the events after it.
     */
    public void subscribe(QueueSubscriber subscriber, Set<UUID> departments, Frame subscribed) {
        Map<UUID, Long> toFetch = subscriber.follow(departments);
        if (subscribed != null) {
            subscriber.send(subscribed);
        }
        toFetch.forEach((department, generation) -> fetch(subscriber, department, generation));
    }

    /** Fresh snapshots for departments the client follows; returns {@code false} (and does nothing) if it follows not all of them. */
    public boolean resync(QueueSubscriber subscriber, Set<UUID> departments) {
        if (!subscriber.departments().containsAll(departments)) {
            return false;
        }
        for (UUID department : departments) {
            OptionalLong generation = subscriber.resync(department);
            generation.ifPresent(g -> fetch(subscriber, department, g));
        }
        return true;
    }

    /** A queue event from Kafka to every client following its department. Never waits on a client. */
    public void deliver(QueueEvent event) {
        for (QueueSubscriber subscriber : subscribers.values()) {
            subscriber.offer(event);
        }
    }

    void heartbeat() {
        Instant now = Instant.now();
        for (QueueSubscriber subscriber : subscribers.values()) {
            subscriber.heartbeat(now);
        }
    }

    private void fetch(QueueSubscriber subscriber, UUID department, long generation) {
        boolean board = subscriber.kind().board();
        Future<JsonObject> answer = board ? queueService.board(department)
                : queueService.snapshot(department, subscriber.bearerToken());
        answer.onComplete(result -> {
            if (result.failed()) {
                subscriber.snapshotFailed(department, generation, QueueFrames.error(department, detail(department, result.cause())));
                return;
            }
            JsonObject body = result.result();
            if (!(body.getValue("sequence") instanceof Number sequence)) {
                Log.warnf("snapshot of department %s without a sequence number", department);
                subscriber.snapshotFailed(department, generation, QueueFrames.error(department, detail(department, null)));
                return;
            }
            Frame frame = board ? BoardProjection.board(department, sequence.longValue(), body)
                    : QueueFrames.snapshot(department, sequence.longValue(), body);
            QueueSubscriber.SnapshotOutcome outcome = subscriber.snapshotArrived(department, generation, sequence.longValue(), frame);
            if (outcome.refetch()) {
                fetch(subscriber, department, outcome.generation());
            }
        });
    }

    private static String detail(UUID department, Throwable failure) {
        if (failure instanceof UpstreamStatusException status) {
            switch (status.status()) {
                case 401:
                    return "The queue of department " + department + " could not be loaded: the access token is no longer valid. Reconnect with a fresh token.";
                case 403:
                    return "You are not allowed to see the queue of department " + department + ".";
                case 404:
                    return "Department " + department + " is not known.";
                default:
                    break;
            }
        }
        if (failure != null) {
            // the status, or the kind of failure: never a body (it could carry patient data)
            Log.warnf("snapshot of department %s failed: %s", department, failure instanceof UpstreamStatusException
                    ? failure.getMessage() : failure.getClass().getSimpleName());
        }
        return "The queue of department " + department + " is unavailable right now. Resync (or reconnect) to try again.";
    }

    @Override
    public void sent(boolean success) {
        (success ? delivered : failed).increment();
    }

    @Override
    public void tooSlow(QueueSubscriber subscriber) {
        tooSlow.get(subscriber.kind()).increment();
        Log.infof("dropping %s client %s: more than %d frames unread", subscriber.kind(), subscriber.id(),
                config.maxPendingFrames());
        forget(subscriber);
    }
}

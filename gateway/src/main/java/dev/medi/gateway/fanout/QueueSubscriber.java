package dev.medi.gateway.fanout;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client of the live queue (a WebSocket connection or an SSE stream) and, per department it follows,
 * where its stream stands.
 *
 * <p>Snapshot first: when a department is (re)subscribed, its events are buffered until the snapshot
 * arrives; then the snapshot is sent, followed by the buffered and later events whose sequence is above
 * the snapshot's (older ones are already in it). Frames are handed to the transport without waiting, and
 * those not yet written are counted: above {@code maxPending} the client is dropped as too slow, so it can
 * neither hold the Kafka consumer nor the other clients back, nor pile up memory here.
 *
 * <p>Thread-safe: the Kafka consumer thread, the snapshot responses and the client's own messages all
 * arrive on different threads. Each method decides under this object's lock which frames go out and queues
 * them; the transport is called only after the lock is released, by one thread at a time in queue order.
 * (Calling it under the lock could deadlock: Vert.x reports finished writes while holding its connection
 * lock, which another thread here would be waiting for.)
 */
public final class QueueSubscriber {

    /** What kind of client, which decides what it sees and how it resyncs. */
    public enum Kind {
        /** {@code /ws/queue}: staff, full events, resyncs by message. */
        WEBSOCKET(false, true),
        /** {@code GET /api/v1/queue/stream}: staff, full events, resyncs by reconnecting. */
        STAFF_STREAM(false, false),
        /** {@code GET /api/v1/public/boards/{dept}/stream}: anyone, ticket/status/room only, resyncs by reconnecting. */
        BOARD_STREAM(true, false);

        private final boolean board;
        private final boolean resyncsInPlace;

        Kind(boolean board, boolean resyncsInPlace) {
            this.board = board;
            this.resyncsInPlace = resyncsInPlace;
        }

        public boolean board() {
            return board;
        }

        /** Whether the client can ask for a fresh snapshot on the same connection (else the stream ends). */
        public boolean resyncsInPlace() {
            return resyncsInPlace;
        }
    }

    /** What the fan-out counts and cleans up. */
    interface Listener {
        void sent(boolean success);

        void tooSlow(QueueSubscriber subscriber);
    }

    /** Result of a snapshot arriving: sent, outdated, or to be fetched again (events were dropped meanwhile). */
    record SnapshotOutcome(boolean refetch, long generation) {
        static final SnapshotOutcome DONE = new SnapshotOutcome(false, 0);
    }

    /** One followed department. */
    private static final class Feed {
        /** Increases with each (re)subscription; a snapshot answering an older one is ignored. */
        long generation;
        /** Snapshot sent: events go out directly. Else they wait in {@code buffer}. */
        boolean live;
        /** The last snapshot fetch failed: nothing is sent for this department until a resync. */
        boolean failed;
        /** More events arrived during the fetch than may wait (half the bound): the snapshot in flight may miss some. */
        boolean overflowed;
        long lastSent;
        final List<QueueEvent> buffer = new ArrayList<>();
    }

    private final String id;
    private final Kind kind;
    private final FrameSink sink;
    /** Replaced when a WebSocket client re-authenticates; {@code null} for boards. Guarded by this. */
    private StreamToken token;
    /** The pending token check (Vert.x timer id, -1: none) and whether the expiry warning went out. Guarded by this. */
    private long tokenTimer = -1;
    private boolean warned;
    private StreamEnd endedBecause;
    private final int maxPending;
    private final Listener listener;
    private final Map<UUID, Feed> feeds = new LinkedHashMap<>();
    /** Frames written to the transport that have not completed (updated from the transport's threads). */
    private final AtomicInteger unwritten = new AtomicInteger();
    // guarded by this:
    private final ArrayDeque<Frame> outbox = new ArrayDeque<>();
    private boolean draining;
    private Ending ending = Ending.NONE;
    private boolean closed;
    private long generations;

    /** How the stream ends once the outbox is through: not at all, after its frames, or at once (too slow). */
    private enum Ending { NONE, FINISH, DROP, END, DONE }

    QueueSubscriber(String id, Kind kind, FrameSink sink, StreamToken token, int maxPending, Listener listener) {
        this.id = id;
        this.kind = kind;
        this.sink = sink;
        this.token = token;
        this.maxPending = maxPending;
        this.listener = listener;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The caller's access token, forwarded to queue-service for snapshots ({@code null} for boards). */
    synchronized String bearerToken() {
        return token == null ? null : token.raw();
    }

    /** The token the stream runs on ({@code null} for boards). */
    public synchronized StreamToken token() {
        return token;
    }

    /**
     * Continues on {@code fresh} (verified, same user and session): departments it no longer allows are
     * dropped and returned. The expiry warning is re-armed.
     */
    synchronized Set<UUID> replaceToken(StreamToken fresh) {
        token = fresh;
        warned = false;
        Set<UUID> dropped = new LinkedHashSet<>();
        feeds.keySet().removeIf(department -> {
            boolean refused = !fresh.caller().mayAccessDepartment(department);
            if (refused) {
                dropped.add(department);
            }
            return refused;
        });
        return dropped;
    }

    synchronized long tokenTimer(long timer) {
        long previous = tokenTimer;
        tokenTimer = timer;
        return previous;
    }

    /** Marks the expiry warning as sent; {@code false} if it already was. */
    synchronized boolean warn() {
        if (warned) {
            return false;
        }
        warned = true;
        return true;
    }

    /**
     * Ends the stream now because its authorisation ended: frames not yet handed to the transport are dropped
     * (they may carry patient data the caller may no longer see), {@code last} goes out, then the transport
     * closes. Returns {@code false} if the stream had already ended.
     */
    boolean end(Frame last, StreamEnd why) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            feeds.clear();
            outbox.clear();
            enqueue(last);
            closed = true;
            if (ending == Ending.NONE || ending == Ending.FINISH) {
                ending = Ending.END;
                endedBecause = why;
            }
        }
        flush();
        return true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    synchronized boolean following() {
        return !closed && !feeds.isEmpty();
    }

    public synchronized Set<UUID> departments() {
        return Set.copyOf(feeds.keySet());
    }

    /** Sends a control frame (welcome, subscribed, error), in order with everything else. */
    public void send(Frame frame) {
        synchronized (this) {
            enqueue(frame);
        }
        flush();
    }

    /** Queues a frame (caller holds the lock); a client with too many frames unwritten is dropped instead. */
    private void enqueue(Frame frame) {
        if (closed) {
            return;
        }
        if (unwritten.get() + outbox.size() >= maxPending) {
            closed = true;
            feeds.clear();
            outbox.clear();
            ending = Ending.DROP;
            return;
        }
        outbox.add(frame);
    }

    /**
     * Hands the queued frames to the transport, outside the lock. One thread drains at a time (the others
     * just queue), so frames reach the transport in queue order; then the ending, if any, is carried out.
     */
    private void flush() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Frame frame;
            Ending end = Ending.NONE;
            synchronized (this) {
                frame = outbox.poll();
                if (frame == null) {
                    draining = false;
                    if (ending == Ending.FINISH || ending == Ending.DROP || ending == Ending.END) {
                        end = ending;
                        ending = Ending.DONE;
                    }
                }
            }
            if (frame == null) {
                if (end == Ending.DROP) {
                    listener.tooSlow(this);
                    sink.closeTooSlow();
                } else if (end == Ending.FINISH) {
                    sink.finish();
                } else if (end == Ending.END) {
                    sink.end(endedBecause());
                }
                return;
            }
            unwritten.incrementAndGet();
            sink.send(frame, this::written);
        }
    }

    private synchronized StreamEnd endedBecause() {
        return endedBecause;
    }

    private void written(Throwable failure) {
        unwritten.decrementAndGet(); // lock-free: called by the transport, possibly under its own locks
        listener.sent(failure == null);
    }

    /** Follows exactly {@code departments} from now on, each waiting for its snapshot; returns the generation to fetch each at. */
    synchronized Map<UUID, Long> follow(Set<UUID> departments) {
        feeds.clear();
        Map<UUID, Long> toFetch = new LinkedHashMap<>();
        if (closed) {
            return toFetch;
        }
        for (UUID department : departments) {
            Feed feed = new Feed();
            feeds.put(department, feed);
            toFetch.put(department, restart(feed));
        }
        return toFetch;
    }

    /** Starts over from a fresh snapshot for a followed department; empty if it is not followed. */
    synchronized OptionalLong resync(UUID department) {
        Feed feed = feeds.get(department);
        if (closed || feed == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(restart(feed));
    }

    private long restart(Feed feed) {
        feed.generation = ++generations;
        feed.live = false;
        feed.failed = false;
        feed.overflowed = false;
        feed.buffer.clear();
        return feed.generation;
    }

    /** The snapshot at {@code sequence} for the fetch of {@code generation} arrived. */
    SnapshotOutcome snapshotArrived(UUID department, long generation, long sequence, Frame snapshot) {
        SnapshotOutcome outcome;
        synchronized (this) {
            outcome = takeSnapshot(department, generation, sequence, snapshot);
        }
        flush();
        return outcome;
    }

    private SnapshotOutcome takeSnapshot(UUID department, long generation, long sequence, Frame snapshot) {
        Feed feed = feeds.get(department);
        if (closed || feed == null || feed.generation != generation) {
            return SnapshotOutcome.DONE; // outdated: unsubscribed or resynced meanwhile
        }
        if (feed.overflowed) {
            // Events were dropped while waiting, possibly after this snapshot's sequence: fetch again
            // (events from now on are buffered again).
            return new SnapshotOutcome(true, restart(feed));
        }
        feed.live = true;
        feed.lastSent = sequence;
        enqueue(snapshot);
        for (QueueEvent event : feed.buffer) {
            forward(feed, event);
        }
        feed.buffer.clear();
        return SnapshotOutcome.DONE;
    }

    /** The fetch of {@code generation} failed: the client is told, and nothing follows until it resyncs. */
    void snapshotFailed(UUID department, long generation, Frame error) {
        synchronized (this) {
            Feed feed = feeds.get(department);
            if (closed || feed == null || feed.generation != generation) {
                return;
            }
            feed.failed = true;
            feed.live = false;
            feed.buffer.clear();
            enqueue(error);
            if (!closed && !kind.resyncsInPlace()) {
                // An SSE client cannot ask for a resync: end the stream, it reconnects and starts afresh.
                closed = true;
                feeds.clear();
                ending = Ending.FINISH;
            }
        }
        flush();
    }

    /** A queue event from Kafka, for this client if it follows the department. Never waits. */
    void offer(QueueEvent event) {
        synchronized (this) {
            Feed feed = feeds.get(event.departmentId());
            if (closed || feed == null || feed.failed) {
                return;
            }
            if (!feed.live) {
                // Half the bound: the snapshot and these go out at once, and must fit in it.
                if (feed.buffer.size() >= Math.max(1, maxPending / 2)) {
                    feed.buffer.clear();
                    feed.overflowed = true;
                }
                if (!feed.overflowed) {
                    feed.buffer.add(event);
                }
                return;
            }
            forward(feed, event);
        }
        flush();
    }

    private void forward(Feed feed, QueueEvent event) {
        if (event.sequence() <= feed.lastSent) {
            return; // already in the snapshot the client has
        }
        feed.lastSent = event.sequence();
        enqueue(kind.board() ? event.boardFrame() : event.staffFrame());
    }

    /** The heartbeat: the last sequence sent for each department whose snapshot the client has. */
    void heartbeat(Instant now) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Map<UUID, Long> sequences = new LinkedHashMap<>();
            feeds.forEach((department, feed) -> {
                if (feed.live) {
                    sequences.put(department, feed.lastSent);
                }
            });
            enqueue(QueueFrames.heartbeat(now, sequences));
        }
        flush();
    }

    /** The client went away. */
    synchronized void close() {
        closed = true;
        feeds.clear();
        outbox.clear();
    }
}

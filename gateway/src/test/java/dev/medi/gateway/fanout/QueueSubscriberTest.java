package dev.medi.gateway.fanout;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-client stream rules, without Quarkus: snapshot first, order by sequence, the slow-client bound. */
class QueueSubscriberTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();

    /** A transport that completes writes only when the test says so. */
    static final class RecordingSink implements FrameSink {
        final List<Frame> frames = new ArrayList<>();
        final List<Consumer<Throwable>> unwritten = new ArrayList<>();
        boolean writesComplete = true;
        boolean finished;
        boolean dropped;
        StreamEnd endedBecause;
        QueueSubscriber owner;
        boolean calledUnderLock;

        @Override
        public void send(Frame frame, Consumer<Throwable> done) {
            calledUnderLock |= owner != null && Thread.holdsLock(owner);
            frames.add(frame);
            if (writesComplete) {
                done.accept(null);
            } else {
                unwritten.add(done);
            }
        }

        @Override
        public void finish() {
            calledUnderLock |= owner != null && Thread.holdsLock(owner);
            finished = true;
        }

        @Override
        public void closeTooSlow() {
            calledUnderLock |= owner != null && Thread.holdsLock(owner);
            dropped = true;
        }

        @Override
        public void end(StreamEnd why) {
            calledUnderLock |= owner != null && Thread.holdsLock(owner);
            endedBecause = why;
        }

        List<String> types() {
            return frames.stream().map(Frame::type).toList();
        }

        List<String> ids() {
            return frames.stream().map(Frame::id).toList();
        }
    }

    static final class CountingListener implements QueueSubscriber.Listener {
        int sent;
        int failed;
        final List<QueueSubscriber> tooSlow = new ArrayList<>();

        @Override
        public void sent(boolean success) {
            if (success) {
                sent++;
            } else {
                failed++;
            }
        }

        @Override
        public void tooSlow(QueueSubscriber subscriber) {
            tooSlow.add(subscriber);
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final CountingListener listener = new CountingListener();

    private QueueSubscriber subscriber(QueueSubscriber.Kind kind, int maxPending) {
        QueueSubscriber subscriber = new QueueSubscriber("c1", kind, sink, null, maxPending, listener);
        sink.owner = subscriber;
        return subscriber;
    }

    @AfterEach
    void theTransportIsNeverCalledUnderTheSubscribersLock() {
        // Vert.x completes writes under its connection lock; calling it under ours could deadlock.
        assertFalse(sink.calledUnderLock);
    }

    private static QueueEvent event(long sequence) {
        JsonObject entry = new JsonObject().put("ticket", "GEN-" + sequence).put("status", "ARRIVED")
                .put("arrivalName", "Jane Example");
        JsonObject data = new JsonObject().put("departmentId", DEPARTMENT.toString()).put("sequence", sequence).put("entry", entry);
        return new QueueEvent(DEPARTMENT, sequence,
                QueueFrames.queueEvent(DEPARTMENT, sequence, data, "e" + sequence, "medi.queue.entry.checked-in.v1", Instant.now()),
                BoardProjection.ticket(DEPARTMENT, sequence, entry));
    }

    private static Frame snapshot(long sequence) {
        return QueueFrames.snapshot(DEPARTMENT, sequence, new JsonObject().put("sequence", sequence));
    }

    private static String id(long sequence) {
        return DEPARTMENT + ":" + sequence;
    }

    @Test
    void aStreamWhoseAuthorisationEndedGetsItsLastFrameThenEndsAndNothingMore() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        client.snapshotArrived(DEPARTMENT, generation, 5, snapshot(5));

        assertTrue(client.end(QueueFrames.ended(StreamEnd.TOKEN_EXPIRED), StreamEnd.TOKEN_EXPIRED));
        client.offer(event(6));
        client.heartbeat(Instant.now());
        client.send(QueueFrames.error(null, "late"));

        assertEquals(List.of("snapshot", "token-expired"), sink.types(), "nothing after the last frame");
        assertEquals(StreamEnd.TOKEN_EXPIRED, sink.endedBecause);
        assertFalse(client.end(QueueFrames.ended(StreamEnd.SESSION_ENDED), StreamEnd.SESSION_ENDED), "ends once");
        assertEquals(StreamEnd.TOKEN_EXPIRED, sink.endedBecause);
    }

    @Test
    void eventsWaitForTheSnapshotAndOnlyThoseAfterItFollow() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        client.offer(event(4));
        client.offer(event(5));
        client.offer(event(6));
        assertTrue(sink.frames.isEmpty(), "nothing before the snapshot");

        client.snapshotArrived(DEPARTMENT, generation, 5, snapshot(5));
        client.offer(event(6)); // a duplicate (redelivery) changes nothing
        client.offer(event(7));

        assertEquals(List.of("snapshot", "queue-event", "queue-event"), sink.types());
        assertEquals(List.of(id(5), id(6), id(7)), sink.ids());
    }

    @Test
    void aSnapshotForAnOlderSubscriptionIsIgnored() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        long first = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        long second = client.resync(DEPARTMENT).orElseThrow();
        client.snapshotArrived(DEPARTMENT, first, 1, snapshot(1));
        assertTrue(sink.frames.isEmpty());
        client.snapshotArrived(DEPARTMENT, second, 2, snapshot(2));
        assertEquals(List.of(id(2)), sink.ids());
    }

    @Test
    void aResyncStartsOverFromTheNewSnapshot() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        client.snapshotArrived(DEPARTMENT, client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT), 1, snapshot(1));
        client.offer(event(3)); // a gap: 2 is missing
        long generation = client.resync(DEPARTMENT).orElseThrow();
        client.offer(event(4));
        client.snapshotArrived(DEPARTMENT, generation, 4, snapshot(4));
        client.offer(event(5));
        assertEquals(List.of(id(1), id(3), id(4), id(5)), sink.ids());
        assertEquals(List.of("snapshot", "queue-event", "snapshot", "queue-event"), sink.types());
    }

    @Test
    void tooManyEventsDuringTheFetchMeanAnotherFetch() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 2);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        for (long sequence = 1; sequence <= 3; sequence++) {
            client.offer(event(sequence));
        }
        QueueSubscriber.SnapshotOutcome outcome = client.snapshotArrived(DEPARTMENT, generation, 0, snapshot(0));
        assertTrue(outcome.refetch(), "events were dropped: the snapshot may be older than them");
        assertTrue(sink.frames.isEmpty());
        client.offer(event(4));
        client.snapshotArrived(DEPARTMENT, outcome.generation(), 3, snapshot(3));
        assertEquals(List.of(id(3), id(4)), sink.ids());
    }

    @Test
    void aFullBufferGoesOutWithItsSnapshotWithinTheBound() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 4);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        sink.writesComplete = false; // nothing written yet when they all go out
        client.offer(event(1));
        client.offer(event(2));
        assertFalse(client.snapshotArrived(DEPARTMENT, generation, 0, snapshot(0)).refetch());
        assertEquals(List.of(id(0), id(1), id(2)), sink.ids());
        assertFalse(sink.dropped);
    }

    @Test
    void aClientThatDoesNotReadIsDroppedAboveTheBound() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 3);
        client.snapshotArrived(DEPARTMENT, client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT), 0, snapshot(0));
        sink.writesComplete = false;
        client.offer(event(1));
        client.offer(event(2));
        client.offer(event(3));
        assertFalse(sink.dropped, "three unwritten frames are within the bound");
        sink.unwritten.remove(0).accept(null); // one written: room for one more
        client.offer(event(4));
        assertFalse(sink.dropped);
        client.offer(event(5));
        assertTrue(sink.dropped);
        assertEquals(List.of(client), listener.tooSlow);
        assertTrue(client.isClosed());
        client.offer(event(6));
        assertEquals(5, sink.frames.size(), "nothing is sent after the drop");
    }

    @Test
    void aFailedSnapshotIsReportedAndNothingFollowsUntilAResync() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        client.snapshotFailed(DEPARTMENT, generation, QueueFrames.error(DEPARTMENT, "unavailable"));
        client.offer(event(1));
        assertEquals(List.of("error"), sink.types());
        assertFalse(sink.finished, "a WebSocket client stays and may resync");
        client.snapshotArrived(DEPARTMENT, client.resync(DEPARTMENT).orElseThrow(), 1, snapshot(1));
        client.offer(event(2));
        assertEquals(List.of("error", "snapshot", "queue-event"), sink.types());
    }

    @Test
    void anSseStreamEndsAfterAFailedSnapshot() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.STAFF_STREAM, 16);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        client.snapshotFailed(DEPARTMENT, generation, QueueFrames.error(DEPARTMENT, "unavailable"));
        assertTrue(sink.finished);
        assertTrue(client.isClosed());
    }

    @Test
    void boardsGetTheTicketFrame() {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.BOARD_STREAM, 16);
        client.snapshotArrived(DEPARTMENT, client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT), 0, snapshot(0));
        client.offer(event(1));
        Frame ticket = sink.frames.get(1);
        assertEquals("ticket", ticket.type());
        assertFalse(ticket.json().contains("Jane"));
    }

    @Test
    void framesKeepTheirOrderWhenEventsAndSnapshotsComeFromDifferentThreads() throws Exception {
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 100_000);
        long generation = client.follow(Set.of(DEPARTMENT)).get(DEPARTMENT);
        List<QueueEvent> prepared = new ArrayList<>();
        for (long sequence = 1; sequence <= 20_000; sequence++) {
            prepared.add(event(sequence));
        }
        Thread consumer = new Thread(() -> prepared.forEach(client::offer));
        Thread heartbeats = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                client.heartbeat(Instant.now());
            }
        });
        consumer.start();
        heartbeats.start();
        client.snapshotArrived(DEPARTMENT, generation, 100, snapshot(100));
        consumer.join();
        heartbeats.join();
        long previous = -1;
        for (Frame frame : sink.frames) {
            if (frame.id() != null) {
                long sequence = Long.parseLong(frame.id().substring(frame.id().indexOf(':') + 1));
                assertTrue(sequence > previous, "frame " + sequence + " after " + previous);
                previous = sequence;
            }
        }
        assertEquals(20_000, previous);
    }

    @Test
    void theHeartbeatCarriesTheLastSequenceOfLiveDepartments() {
        UUID waiting = UUID.randomUUID();
        QueueSubscriber client = subscriber(QueueSubscriber.Kind.WEBSOCKET, 16);
        Map<UUID, Long> generations = client.follow(new java.util.LinkedHashSet<>(List.of(DEPARTMENT, waiting)));
        client.snapshotArrived(DEPARTMENT, generations.get(DEPARTMENT), 7, snapshot(7));
        client.offer(event(8));
        client.heartbeat(Instant.parse("2026-01-01T00:00:00Z"));
        JsonObject heartbeat = new JsonObject(sink.frames.get(2).json());
        assertEquals(new JsonObject().put(DEPARTMENT.toString(), 8L), heartbeat.getJsonObject("sequences"),
                "a department still waiting for its snapshot has no sequence yet");
        assertEquals(3, listener.sent);
    }
}

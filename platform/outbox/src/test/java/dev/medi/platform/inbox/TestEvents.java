package dev.medi.platform.inbox;

import dev.medi.platform.events.EventType;
import dev.medi.platform.events.Topics;

import java.util.List;

/** A test-only event catalogue, published on a platform topic that has a dead-letter topic. */
public final class TestEvents {

    /** The data of a test event; {@code note} tells the test consumer what to do with it. */
    public record Thing(String id, String note) {
    }

    public static final EventType<Thing> HAPPENED = EventType.of(Topics.PATIENT_EVENTS, "medi.test.thing.happened.v1",
            "/medi/outbox-test", Thing.class, Thing::id);

    /** Known to the producer, not to the consumer: skipped on arrival. */
    public static final EventType<Thing> UNKNOWN = EventType.of(Topics.PATIENT_EVENTS, "medi.test.thing.unknown.v1",
            "/medi/outbox-test", Thing.class, Thing::id);

    public static final List<EventType<?>> ALL = List.of(HAPPENED);

    private TestEvents() {
    }
}

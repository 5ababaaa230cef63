package dev.medi.platform.inbox;

import dev.medi.platform.events.EventType;

import java.time.Instant;

/**
 * One event as a consumer's handler gets it from {@link InboundEvents}: read into the record of its descriptor.
 *
 * @param id   CloudEvent id
 * @param type the descriptor the CloudEvent {@code type} matched
 * @param time CloudEvent time (when the change happened at the producer), or {@code null} if it has none
 * @param data the data, read tolerantly (fields the record does not know are ignored)
 * @param <T> the data record
 */
public record InboundEvent<T>(String id, EventType<T> type, Instant time, T data) {

    /** Whether this is an event of {@code other}'s CloudEvent type (whatever its source). */
    public boolean is(EventType<?> other) {
        return type.type().equals(other.type());
    }

    /**
     * The data as {@code expected}'s record.
     *
     * @throws IllegalArgumentException if this is not an event of that type
     */
    public <D> D data(EventType<D> expected) {
        if (!is(expected)) {
            throw new IllegalArgumentException("event " + id + " is a " + type + ", not a " + expected);
        }
        return expected.dataType().cast(data);
    }
}

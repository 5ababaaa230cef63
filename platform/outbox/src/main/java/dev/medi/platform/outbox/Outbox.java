package dev.medi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Appends events to the outbox. Call it inside the transaction that makes the change, so the event
 * exists if and only if the change was committed. The commit itself wakes the {@link OutboxRelay}.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Appends an event described by the catalogue in platform/events: topic, key, CloudEvent type, source and
     * subject all follow from {@code type} and {@code data}.
     *
     * @return the event id (the CloudEvent id)
     */
    public <T> Uni<UUID> append(EventType<T> type, T data) {
        OutboxEvent event;
        try {
            event = prepare(type, data);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return event.persist().replaceWith(event.id);
    }

    /**
     * The row {@link #append(EventType, Object)} would write, not yet stored: for a hot path that inserts it with
     * its own SQL in the same statement as the change (queue-service's check-in).
     *
     * @throws IllegalStateException if {@code data} cannot be serialised
     */
    public <T> OutboxEvent prepare(EventType<T> type, T data) {
        OutboxEvent event = prepare(type.topic(), type.keyOf(data), type.type(), type.source(), type.subjectOf(data),
                data);
        event.sequenceScope = type.sequenceScopeOf(data);
        return event;
    }

    /** One row, with its id and time, the data serialised now. */
    private OutboxEvent prepare(String topic, String partitionKey, String type, String source, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = TimeOrderedIds.next();
        event.topic = topic;
        event.partitionKey = partitionKey;
        event.type = type;
        event.source = source;
        event.subject = subject;
        event.occurredAt = Instant.now();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable: " + type, e);
        }
        return event;
    }
}

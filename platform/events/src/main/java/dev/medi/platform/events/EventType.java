package dev.medi.platform.events;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything the platform knows about one kind of event, in one place: the topic it is published on, its
 * CloudEvent {@code type} and {@code source}, the Java record of its data, how its Kafka key and CloudEvent
 * subject follow from the data, and the JSON Schema its data must match ({@code schemas/<topic>.json}).
 * Producers append with {@code Outbox.append(EventType, data)}; consumers read with the same descriptor, so
 * a field renamed in the record is renamed everywhere at once.
 *
 * @param topic         Kafka topic
 * @param type          CloudEvent type, {@code medi.<context>.<aggregate>.<past-tense-verb>.v<n>}
 * @param source        CloudEvent source: the producing service ({@link EventSources})
 * @param dataType      the record the data is written from and read into
 * @param key           Kafka key: orders the events that share it
 * @param subject       CloudEvent subject: the aggregate the event is about
 * @param sequenceScope the scope in which the database numbers the event at commit (queue events: the
 *                      department), or {@code null} for an event that is not numbered
 * @param <T> the data record
 */
public record EventType<T>(String topic, String type, String source, Class<T> dataType,
                           Function<? super T, String> key, Function<? super T, String> subject,
                           Function<? super T, UUID> sequenceScope) {

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
    }

    /** An event keyed and subject-ed by the same value (the aggregate id), not numbered. */
    public static <T> EventType<T> of(String topic, String type, String source, Class<T> dataType,
                                      Function<? super T, String> key) {
        return new EventType<>(topic, type, source, dataType, key, key, null);
    }

    /** A copy with another CloudEvent subject than the key. */
    public EventType<T> withSubject(Function<? super T, String> newSubject) {
        return new EventType<>(topic, type, source, dataType, key, newSubject, sequenceScope);
    }

    /** A copy announced by another service: for an event every service emits (the audit trail). */
    public EventType<T> withSource(String newSource) {
        return new EventType<>(topic, type, newSource, dataType, key, subject, sequenceScope);
    }

    /** A copy numbered at commit per {@code scope} (the outbox row's {@code sequence_scope}). */
    public EventType<T> numberedPer(Function<? super T, UUID> scope) {
        return new EventType<>(topic, type, source, dataType, key, subject, scope);
    }

    /** Class-path resource of the JSON Schema the data of this topic must match. */
    public String schema() {
        return "schemas/" + topic + ".json";
    }

    public String keyOf(T data) {
        return key.apply(data);
    }

    public String subjectOf(T data) {
        return subject.apply(data);
    }

    /** The numbering scope of {@code data}, or {@code null} if this type is not numbered. */
    public UUID sequenceScopeOf(T data) {
        return sequenceScope == null ? null : sequenceScope.apply(data);
    }

    @Override
    public String toString() {
        return type;
    }
}

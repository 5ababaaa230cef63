package dev.medi.platform.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of queue-service's events on {@link Topics#QUEUE_EVENTS}: every one carries a
 * {@link QueueEventData}, is keyed by its department (so a department's events stay ordered), has the entry as
 * its CloudEvent subject, and is numbered per department when its transaction commits (the outbox row's
 * {@code sequence_scope}; queue-service's {@code R__queue_event_numbering.sql}). Its schema is
 * {@code schemas/medi.queue.events.v1.json}.
 *
 * <p>Producers append through these descriptors; consumers look an incoming CloudEvent type up with
 * {@link #byType(String)} and skip a type they do not know (a newer producer's event).
 */
public final class QueueEvents {

    public static final EventType<QueueEventData> CHECKED_IN = queueEvent("medi.queue.entry.checked-in.v1");
    public static final EventType<QueueEventData> TRIAGED = queueEvent("medi.queue.entry.triaged.v1");
    public static final EventType<QueueEventData> CALLED = queueEvent("medi.queue.entry.called.v1");
    public static final EventType<QueueEventData> CONSULTATION_STARTED =
            queueEvent("medi.queue.entry.consultation-started.v1");
    public static final EventType<QueueEventData> FINISHED = queueEvent("medi.queue.entry.finished.v1");
    /** The entry left this department's queue; a {@link #TRANSFERRED_IN} follows for the new one. */
    public static final EventType<QueueEventData> TRANSFERRED = queueEvent("medi.queue.entry.transferred.v1");
    /** The entry that continues a transferred one in its new department. */
    public static final EventType<QueueEventData> TRANSFERRED_IN = queueEvent("medi.queue.entry.transferred-in.v1");
    public static final EventType<QueueEventData> LEFT_WITHOUT_BEING_SEEN =
            queueEvent("medi.queue.entry.left-without-being-seen.v1");
    public static final EventType<QueueEventData> NO_SHOW = queueEvent("medi.queue.entry.no-show.v1");
    public static final EventType<QueueEventData> CANCELLED = queueEvent("medi.queue.entry.cancelled.v1");
    /** An admin moved the entry (reason audited). */
    public static final EventType<QueueEventData> PRIORITY_OVERRIDDEN =
            queueEvent("medi.queue.entry.priority-overridden.v1");
    /** The entry's priority or due time changed without a status change (aging after a breach). */
    public static final EventType<QueueEventData> REPRIORITISED = queueEvent("medi.queue.entry.reprioritised.v1");
    /** The entry waited past its level's target (emitted once, when it happens); its priority may have risen. */
    public static final EventType<QueueEventData> SLA_BREACHED = queueEvent("medi.queue.entry.sla-breached.v1");

    /** A walk-in's entry was linked to the patient registered for them afterwards: {@code entry.patientId} is now set. */
    public static final EventType<QueueEventData> PATIENT_LINKED = queueEvent("medi.queue.entry.patient-linked.v1");

    /** Every queue event type, in lifecycle order. */
    public static final List<EventType<QueueEventData>> ALL = List.of(CHECKED_IN, TRIAGED, CALLED, CONSULTATION_STARTED,
            FINISHED, TRANSFERRED, TRANSFERRED_IN, LEFT_WITHOUT_BEING_SEEN, NO_SHOW, CANCELLED, PRIORITY_OVERRIDDEN,
            REPRIORITISED, SLA_BREACHED, PATIENT_LINKED);

    private static final Map<String, EventType<QueueEventData>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    /** The descriptor of a CloudEvent type, or {@code null} for a type this catalogue does not know. */
    public static EventType<QueueEventData> byType(String type) {
        return type == null ? null : BY_TYPE.get(type);
    }

    private static EventType<QueueEventData> queueEvent(String type) {
        return EventType.of(Topics.QUEUE_EVENTS, type, EventSources.QUEUE_SERVICE, QueueEventData.class,
                        (QueueEventData data) -> data.departmentId().toString())
                .withSubject(data -> data.entry().id().toString())
                .numberedPer(QueueEventData::departmentId);
    }

    private QueueEvents() {
    }
}

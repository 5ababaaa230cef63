package dev.medi.platform.events;

import java.util.UUID;

/**
 * Data of every event on {@link Topics#QUEUE_EVENTS}.
 *
 * @param departmentId the department (also the Kafka key)
 * @param sequence     per-department sequence, increasing by exactly one per event; a consumer that
 *                     sees a gap re-fetches the department snapshot
 * @param entry        the entry after the change
 * @param triage       for a triage event: the assessment with its vital signs; otherwise {@code null}
 * @param actor        who made the change (the user of the request), or {@code null}: a change queue-service made
 *                     by itself, or an event older than this field
 */
public record QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry, QueueTriageData triage,
                             QueueEventActor actor) {

    public QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry) {
        this(departmentId, sequence, entry, null, null);
    }

    public QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry, QueueTriageData triage) {
        this(departmentId, sequence, entry, triage, null);
    }
}

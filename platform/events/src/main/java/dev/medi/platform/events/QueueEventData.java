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
 */
public record QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry, QueueTriageData triage) {

    public QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry) {
        this(departmentId, sequence, entry, null);
    }
}

package dev.medi.platform.events;

import java.util.UUID;

/**
 * Data of every event on {@link Topics#QUEUE_EVENTS}.
 *
 * @param departmentId the department (also the Kafka key)
 * @param sequence     per-department sequence, increasing by exactly one per event; a consumer that
 *                     sees a gap re-fetches the department snapshot
 * @param entry        the entry after the change
 */
public record QueueEventData(UUID departmentId, long sequence, QueueEntrySnapshot entry) {
}

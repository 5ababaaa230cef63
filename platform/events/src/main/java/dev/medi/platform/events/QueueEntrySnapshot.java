package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Full state of one queue entry at the moment of an event, so a consumer never has to call back.
 *
 * @param id             queue entry id
 * @param departmentId   department whose queue holds the entry
 * @param patientId      registered patient, or {@code null} for an unregistered arrival
 * @param status         lifecycle state, e.g. {@code ARRIVED}
 * @param chiefComplaint reason for the visit as told at the desk (clinical data: never log it)
 * @param arrivedAt      check-in time (UTC)
 * @param version        optimistic-lock version of the entry after the change
 */
public record QueueEntrySnapshot(
        UUID id,
        UUID departmentId,
        UUID patientId,
        String status,
        String chiefComplaint,
        Instant arrivedAt,
        long version) {
}

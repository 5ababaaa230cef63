package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Full state of one queue entry at the moment of an event, so a consumer never has to call back.
 * Everything a screen needs to place the entry: {@code priority} then {@code arrivedAt} is the queue order
 * (queue-service recomputes {@code priority} and emits an event whenever it changes).
 *
 * @param id             queue entry id
 * @param departmentId   department whose queue holds the entry
 * @param ticket         ticket number unique per department and day, e.g. {@code GEN-014}: what public displays show
 * @param patientId      registered patient, or {@code null} for an unregistered arrival
 * @param arrivalName    name given at the desk for an unregistered arrival, else {@code null} (personal data: never log it)
 * @param status         lifecycle state, one of {@link QueueStatuses}
 * @param chiefComplaint reason for the visit as told at the desk (clinical data: never log it)
 * @param arrivedAt      check-in time (UTC); a transferred entry keeps the original arrival
 * @param esiLevel       final triage level 1–5, {@code null} until triaged
 * @param priority       effective rank used for ordering, 1 (first) to 5: the ESI level (untriaged: 3), raised
 *                       by waiting past the level's target (aging) or set by an admin override
 * @param slaDueAt       when the wait exceeds the target of the entry's level
 * @param slaBreachedAt  when the target was exceeded, {@code null} if not (yet)
 * @param calledBy       user id of the doctor who called the entry, {@code null} before the call
 * @param room           room the patient was called to, {@code null} before the call
 * @param transferredTo  for status {@code TRANSFERRED}: the department the patient went to
 * @param transferredFrom for an entry created by a transfer: the entry it continues
 * @param version        optimistic-lock version of the entry after the change
 */
public record QueueEntrySnapshot(
        UUID id,
        UUID departmentId,
        String ticket,
        UUID patientId,
        String arrivalName,
        String status,
        String chiefComplaint,
        Instant arrivedAt,
        Integer esiLevel,
        int priority,
        Instant slaDueAt,
        Instant slaBreachedAt,
        UUID calledBy,
        String room,
        UUID transferredTo,
        UUID transferredFrom,
        long version) {
}

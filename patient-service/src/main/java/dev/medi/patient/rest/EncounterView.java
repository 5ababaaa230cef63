package dev.medi.patient.rest;

import dev.medi.patient.encounter.Encounter;

import java.time.Instant;
import java.util.UUID;

/**
 * An encounter as the API shows it.
 *
 * @param status    {@code in-progress}, {@code finished}, {@code cancelled} (FHIR Encounter.status)
 * @param attending user id of the clinician (auth-service's id, the token subject): who opened the encounter, or
 *                  the doctor who called the queue entry
 * @param outcome   once closed: {@code completed}, {@code admitted}, {@code referred}, {@code transferred},
 *                  {@code left-without-being-seen}, {@code no-show}, {@code cancelled}
 * @param source    {@code queue} or {@code direct}
 */
public record EncounterView(UUID id, UUID patientId, UUID departmentId, UUID queueEntryId, String status,
                            String encounterClass, String attending, String room, String reason, Instant startedAt,
                            Instant endedAt, String outcome, String source, String openedBy, String closedBy,
                            long version) {

    public static EncounterView of(Encounter encounter) {
        return new EncounterView(encounter.id(), encounter.patientId(), encounter.departmentId(),
                encounter.queueEntryId(), encounter.status().code(), encounter.encounterClass(), encounter.attending(),
                encounter.room(), encounter.reason(), encounter.startedAt(), encounter.endedAt(),
                encounter.outcome() == null ? null : encounter.outcome().code(), encounter.source(),
                encounter.openedBy(), encounter.closedBy(), encounter.version());
    }
}

package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code encounter.opened} and {@code encounter.closed} on {@code medi.patient.events.v1}: identifiers and
 * state only. The reason for the visit stays behind the API (clinical data, access-checked and audited).
 *
 * @param queueEntryId   the queue entry it came from, {@code null} when opened directly
 * @param status         FHIR Encounter.status: {@code in-progress}, {@code finished}, {@code cancelled}
 * @param encounterClass {@code AMB} or {@code EMER}
 * @param outcome        once closed: {@code completed}, {@code transferred}, ... ({@code null} while open)
 * @param source         {@code queue} or {@code direct}
 */
public record EncounterEventData(UUID encounterId, UUID patientId, UUID departmentId, UUID queueEntryId, String status,
                                 String encounterClass, Instant startedAt, Instant endedAt, String outcome,
                                 String source, long version) {
}

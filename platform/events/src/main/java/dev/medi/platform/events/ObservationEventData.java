package dev.medi.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code observation.recorded} on {@code medi.patient.events.v1}: which vital signs of a patient were
 * recorded together, by id and LOINC code. The values stay behind the API (clinical data).
 *
 * @param setId        the set the observations were recorded in
 * @param encounterId  the encounter they belong to, or {@code null}
 * @param queueEntryId the queue entry they were taken for (triage), or {@code null}
 * @param source       {@code triage} or {@code direct}
 */
public record ObservationEventData(UUID patientId, UUID setId, UUID encounterId, UUID queueEntryId, String source,
                                   Instant effectiveAt, List<Item> observations) {

    /** One observation of the set. */
    public record Item(UUID id, String code) {
    }
}

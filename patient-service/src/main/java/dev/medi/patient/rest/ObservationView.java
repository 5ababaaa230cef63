package dev.medi.patient.rest;

import dev.medi.patient.observation.Observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded vital sign.
 *
 * @param code           LOINC
 * @param value          the number in {@code unit} (UCUM), or {@code null} for a coded value
 * @param valueCode      ACVPU letter for the level of responsiveness, else {@code null}
 * @param interpretation against the reference range of the patient's age: {@code LL}, {@code L}, {@code N},
 *                       {@code H}, {@code HH}, {@code AA}; {@code null} where none applies (pain, weight, height)
 * @param source         {@code triage} or {@code direct}
 * @param setId          the set recorded together
 */
public record ObservationView(UUID id, UUID patientId, UUID setId, String code, String display, BigDecimal value,
                              String valueCode, String unit, String interpretation, Instant effectiveAt,
                              Instant recordedAt, String recordedBy, String source, UUID encounterId,
                              UUID queueEntryId) {

    public static ObservationView of(Observation observation) {
        return new ObservationView(observation.id(), observation.patientId(), observation.setId(), observation.code(),
                observation.sign().display(), observation.valueQuantity(), observation.valueCode(), observation.unit(),
                observation.interpretation() == null ? null : observation.interpretation().code(),
                observation.effectiveAt(), observation.recordedAt(), observation.recordedBy(), observation.source(),
                observation.encounterId(), observation.queueEntryId());
    }
}

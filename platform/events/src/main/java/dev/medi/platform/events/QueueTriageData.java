package dev.medi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The triage behind a {@link QueueEvents#TRIAGED} event: the vital signs as measured (any may be
 * {@code null}: not measured) and the levels, so that patient-service can record the vitals as observations
 * without calling back. Clinical data: never log it.
 *
 * @param assessmentId id of the stored triage assessment (stable: consumers use it to stay idempotent)
 * @param assessedBy   user name of the nurse
 * @param engineLevel  the ESI engine's level
 * @param engineRule   the ESI rule that fired, e.g. {@code D_DANGER_ZONE_VITALS}
 * @param finalLevel   the level the nurse set
 */
public record QueueTriageData(
        UUID assessmentId,
        String assessedBy,
        Instant assessedAt,
        Integer heartRate,
        Integer respiratoryRate,
        Integer spo2,
        Integer systolicBp,
        Integer diastolicBp,
        BigDecimal temperatureCelsius,
        Integer pain,
        String consciousness,
        int engineLevel,
        String engineRule,
        int finalLevel) {
}

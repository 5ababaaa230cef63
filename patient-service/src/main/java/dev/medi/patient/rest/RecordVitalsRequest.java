package dev.medi.patient.rest;

import dev.medi.patient.service.ObservationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A set of vital signs measured together.
 *
 * @param effectiveAt when they were measured; absent: now
 * @param encounterId the patient's encounter they belong to, optional
 * @param vitals      one entry per sign: LOINC {@code code}, {@code value} with its UCUM {@code unit}, or for the
 *                    level of responsiveness (67775-7) {@code valueCode} A, C, V, P or U
 */
public record RecordVitalsRequest(Instant effectiveAt, UUID encounterId,
                                  @NotEmpty @Size(max = 20) List<@Valid @NotNull Vital> vitals) {

    /** One measured sign. */
    public record Vital(@NotBlank @Size(max = 20) String code, BigDecimal value, @Size(max = 20) String valueCode,
                        @Size(max = 20) String unit) {
    }

    ObservationService.RecordVitals toCommand() {
        return new ObservationService.RecordVitals(effectiveAt, encounterId, vitals.stream()
                .map(v -> new ObservationService.Measurement(v.code().strip(), v.value(), v.valueCode(),
                        v.unit() == null ? null : v.unit().strip()))
                .toList());
    }
}

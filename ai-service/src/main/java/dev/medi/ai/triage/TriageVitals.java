package dev.medi.ai.triage;

import dev.medi.triage.Avpu;
import dev.medi.triage.Vitals;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Vital signs as the triage form sends them (any may be missing: not measured), with the ranges queue-service's
 * triage accepts. Clinical data: never logged.
 */
public record TriageVitals(
        @Min(0) @Max(350) Integer heartRate,
        @Min(0) @Max(150) Integer respiratoryRate,
        @Min(0) @Max(100) Integer spo2,
        @Min(0) @Max(350) Integer systolicBp,
        @Min(0) @Max(300) Integer diastolicBp,
        @DecimalMin("20.0") @DecimalMax("46.0") Double temperatureCelsius,
        @Min(0) @Max(10) Integer pain,
        Avpu consciousness) {

    /**
     * The ESI engine's vitals.
     *
     * @throws IllegalArgumentException for a value the engine rejects (the message names the field, not the value)
     */
    public Vitals toEngine() {
        return new Vitals(heartRate, respiratoryRate, spo2, systolicBp, diastolicBp, temperatureCelsius, pain,
                consciousness);
    }

    /** Whether nothing was measured. */
    public boolean isEmpty() {
        return heartRate == null && respiratoryRate == null && spo2 == null && systolicBp == null
                && diastolicBp == null && temperatureCelsius == null && pain == null && consciousness == null;
    }
}

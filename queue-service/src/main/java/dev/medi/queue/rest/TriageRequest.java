package dev.medi.queue.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.triage.Avpu;
import dev.medi.triage.PatientAge;
import dev.medi.triage.TriageAssessment;
import dev.medi.triage.Vitals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A nurse's triage. The age comes as a birth date or, when unknown, an estimate in years, months or days
 * (exactly one of the four). The ESI decision-point answers are the nurse's: A (immediate life-saving
 * intervention), B (high risk, new confusion/lethargy/disorientation, severe pain or distress), C (expected
 * resources).
 *
 * @param finalLevel     the level the nurse sets; absent accepts the engine's
 * @param overrideReason required when {@code finalLevel} differs from the engine's level
 */
public record TriageRequest(
        @Valid VitalsInput vitals,
        @PastOrPresent LocalDate birthDate,
        @Min(0) @Max(150) Integer ageYears,
        @Min(0) @Max(1800) Integer ageMonths,
        @Min(0) @Max(55000) Integer ageDays,
        @Size(max = 500) String chiefComplaint,
        boolean lifeSavingIntervention,
        boolean highRisk,
        boolean newConfusionLethargyOrDisorientation,
        boolean severePainOrDistress,
        @NotNull @Min(0) @Max(20) Integer expectedResources,
        @Min(1) @Max(5) Integer finalLevel,
        @Size(max = 500) String overrideReason) {

    /** Vital signs as measured; any may be missing. */
    public record VitalsInput(
            @Min(0) @Max(350) Integer heartRate,
            @Min(0) @Max(150) Integer respiratoryRate,
            @Min(0) @Max(100) Integer spo2,
            @Min(0) @Max(350) Integer systolicBp,
            @Min(0) @Max(300) Integer diastolicBp,
            @DecimalMin("20.0") @DecimalMax("46.0") Double temperatureCelsius,
            @Min(0) @Max(10) Integer pain,
            Avpu consciousness) {
    }

    /** The engine's input; the age as of {@code today}. */
    TriageAssessment assessment(LocalDate today) {
        int given = (birthDate != null ? 1 : 0) + (ageYears != null ? 1 : 0) + (ageMonths != null ? 1 : 0) + (ageDays != null ? 1 : 0);
        if (given != 1) {
            throw new ProblemException(ProblemType.VALIDATION, "Give the age once: birthDate, or ageYears, ageMonths or ageDays.",
                    List.of(new Problem.FieldError("birthDate", "give exactly one of birthDate, ageYears, ageMonths, ageDays")));
        }
        PatientAge age = birthDate != null ? PatientAge.between(birthDate, today)
                : ageYears != null ? PatientAge.ofYears(ageYears, today)
                : ageMonths != null ? PatientAge.ofMonths(ageMonths, today)
                : PatientAge.ofDays(ageDays, today);
        Vitals measured = vitals == null ? Vitals.notMeasured() : new Vitals(vitals.heartRate(), vitals.respiratoryRate(),
                vitals.spo2(), vitals.systolicBp(), vitals.diastolicBp(), vitals.temperatureCelsius(), vitals.pain(),
                vitals.consciousness());
        return TriageAssessment.builder(age)
                .vitals(measured)
                .chiefComplaint(chiefComplaint)
                .requiresImmediateLifeSavingIntervention(lifeSavingIntervention)
                .highRiskSituation(highRisk)
                .newConfusionLethargyOrDisorientation(newConfusionLethargyOrDisorientation)
                .severePainOrDistress(severePainOrDistress)
                .expectedResources(expectedResources)
                .build();
    }
}

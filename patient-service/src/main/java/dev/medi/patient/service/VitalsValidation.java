package dev.medi.patient.service;

import dev.medi.patient.observation.VitalSign;
import dev.medi.platform.defaults.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a set of vital signs before anything is stored: known LOINC codes, the UCUM unit of each code, values
 * that a body can have, each sign at most once, and a blood pressure as systolic and diastolic together
 * (systolic above diastolic).
 */
final class VitalsValidation {

    /** One measured sign as received: a number with its unit, or (ACVPU) a code. */
    record Measurement(String code, BigDecimal value, String valueCode, String unit) {
    }

    /** A measurement that passed, with its sign. */
    record Checked(VitalSign sign, Measurement measurement) {
    }

    private VitalsValidation() {
    }

    /** The measurements with their signs, or the field errors ({@code vitals[i].…}); never both. */
    static Result check(List<Measurement> measurements) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<VitalSign, Checked> seen = new EnumMap<>(VitalSign.class);
        for (int i = 0; i < measurements.size(); i++) {
            String field = "vitals[" + i + "]";
            Measurement measurement = measurements.get(i);
            Optional<VitalSign> sign = VitalSign.ofCode(measurement.code());
            if (sign.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".code", "is not a vital sign recorded here (LOINC: "
                        + Stream.of(VitalSign.values()).flatMap(s -> s.codes().stream()).collect(Collectors.joining(", "))
                        + ")"));
                continue;
            }
            List<Problem.FieldError> problems = problems(field, sign.get(), measurement);
            errors.addAll(problems);
            if (problems.isEmpty() && seen.put(sign.get(), new Checked(sign.get(), measurement)) != null) {
                errors.add(new Problem.FieldError(field + ".code", "appears more than once"));
            }
        }
        Checked systolic = seen.get(VitalSign.SYSTOLIC_BP);
        Checked diastolic = seen.get(VitalSign.DIASTOLIC_BP);
        if (errors.isEmpty() && (systolic == null) != (diastolic == null)) {
            errors.add(new Problem.FieldError("vitals", "a blood pressure needs both systolic (8480-6) and diastolic (8462-4)"));
        }
        if (errors.isEmpty() && systolic != null
                && systolic.measurement().value().compareTo(diastolic.measurement().value()) <= 0) {
            errors.add(new Problem.FieldError("vitals", "the systolic pressure must be above the diastolic"));
        }
        return errors.isEmpty() ? new Result(List.copyOf(seen.values()), List.of()) : new Result(List.of(), errors);
    }

    /** What is wrong with one measurement of a known sign. */
    static List<Problem.FieldError> problems(String field, VitalSign sign, Measurement measurement) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (sign.coded()) {
            if (measurement.value() != null) {
                errors.add(new Problem.FieldError(field + ".value", "must be absent for " + sign.code() + " (use valueCode)"));
            }
            if (measurement.unit() != null && !measurement.unit().isBlank()) {
                errors.add(new Problem.FieldError(field + ".unit", "must be absent for " + sign.code()));
            }
            if (VitalSign.Consciousness.of(measurement.valueCode()).isEmpty()) {
                errors.add(new Problem.FieldError(field + ".valueCode", "must be one of A, C, V, P, U (ACVPU)"));
            }
            return errors;
        }
        if (measurement.valueCode() != null) {
            errors.add(new Problem.FieldError(field + ".valueCode", "must be absent for " + sign.code()));
        }
        if (!sign.unit().equals(measurement.unit())) {
            errors.add(new Problem.FieldError(field + ".unit", "must be " + sign.unit() + " (UCUM) for " + sign.code()));
        }
        if (measurement.value() == null) {
            errors.add(new Problem.FieldError(field + ".value", "is required"));
        } else {
            sign.checkValue(measurement.value()).ifPresent(problem -> errors.add(new Problem.FieldError(field + ".value", problem)));
        }
        return errors;
    }

    record Result(List<Checked> measurements, List<Problem.FieldError> errors) {
    }
}

package dev.medi.triage;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A patient's age on the day of triage, kept as date of birth plus the assessment date so that both the
 * calendar age ({@link #period()}, used for the {@link AgeBand}) and the exact age in days ({@link #days()}, used
 * for the 28-day neonatal fever rule) are exact. A {@link Period} or a day count alone cannot give both: for
 * example a baby born 1 February is "1 month" old on 1 March of a non-leap year but only 28 days old.
 *
 * <p>When only an age in whole days, months or years is known, use {@link #ofDays}, {@link #ofMonths} or
 * {@link #ofYears}; they assume the patient reached that age exactly on {@code asOf}.
 *
 * <p>{@link #toString()} deliberately shows the age only, not the date of birth.
 *
 * @param dateOfBirth the patient's date of birth, not after {@code asOf}
 * @param asOf        the date of the triage assessment
 */
public record PatientAge(LocalDate dateOfBirth, LocalDate asOf) {

    /** Upper bound that rejects obviously mistyped dates of birth. */
    public static final int MAX_AGE_YEARS = 150;

    public PatientAge {
        if (dateOfBirth == null) {
            throw new IllegalArgumentException("dateOfBirth is required");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        if (dateOfBirth.isAfter(asOf)) {
            throw new IllegalArgumentException("dateOfBirth must not be after the assessment date");
        }
        if (dateOfBirth.isBefore(asOf.minusYears(MAX_AGE_YEARS))) {
            throw new IllegalArgumentException("age must not exceed " + MAX_AGE_YEARS + " years");
        }
    }

    /** Age of a patient born on {@code dateOfBirth}, assessed on {@code asOf}. */
    public static PatientAge between(LocalDate dateOfBirth, LocalDate asOf) {
        return new PatientAge(dateOfBirth, asOf);
    }

    /** A patient exactly {@code days} days old on {@code asOf}. */
    public static PatientAge ofDays(long days, LocalDate asOf) {
        requireAmount(days, (long) MAX_AGE_YEARS * 366, "days");
        return new PatientAge(requireDate(asOf).minusDays(days), asOf);
    }

    /** A patient exactly {@code months} calendar months old on {@code asOf}. */
    public static PatientAge ofMonths(long months, LocalDate asOf) {
        requireAmount(months, (long) MAX_AGE_YEARS * 12, "months");
        return new PatientAge(requireDate(asOf).minusMonths(months), asOf);
    }

    /** A patient exactly {@code years} years old on {@code asOf} (birthday assumed to be that day). */
    public static PatientAge ofYears(long years, LocalDate asOf) {
        requireAmount(years, MAX_AGE_YEARS, "years");
        return new PatientAge(requireDate(asOf).minusYears(years), asOf);
    }

    /** Calendar age in completed years, months and days, as {@link Period#between} computes it. */
    public Period period() {
        return Period.between(dateOfBirth, asOf);
    }

    /** Exact age in days; 0 on the day of birth. */
    public long days() {
        return ChronoUnit.DAYS.between(dateOfBirth, asOf);
    }

    @Override
    public String toString() {
        return "PatientAge[" + period() + "]";
    }

    private static void requireAmount(long amount, long max, String unit) {
        if (amount < 0 || amount > max) {
            throw new IllegalArgumentException("age in " + unit + " must be between 0 and " + max);
        }
    }

    private static LocalDate requireDate(LocalDate asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        return asOf;
    }
}

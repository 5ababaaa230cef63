package dev.medi.triage;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatientAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Test
    void factoriesGiveExactAges() {
        assertEquals(0, PatientAge.ofDays(0, TODAY).days());
        assertEquals(28, PatientAge.ofDays(28, TODAY).days());
        assertEquals(Period.ofMonths(3), PatientAge.ofMonths(3, TODAY).period());
        assertEquals(Period.ofYears(8), PatientAge.ofYears(8, TODAY).period());
    }

    @Test
    void oneCalendarMonthCanBeOnly28Days() {
        // Why PatientAge keeps both the calendar age and the day count.
        PatientAge age = PatientAge.between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1));
        assertEquals(Period.ofMonths(1), age.period());
        assertEquals(28, age.days());
    }

    @Test
    void rejectsImpossibleAges() {
        assertThrows(IllegalArgumentException.class, () -> PatientAge.between(TODAY.plusDays(1), TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.between(null, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.between(TODAY, null));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofDays(-1, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofMonths(-1, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofYears(-1, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofYears(151, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofYears(Long.MAX_VALUE, TODAY));
        assertThrows(IllegalArgumentException.class, () -> PatientAge.ofYears(30, null));
    }

    @Test
    void toStringDoesNotRevealTheDateOfBirth() {
        PatientAge age = PatientAge.between(LocalDate.of(1980, 4, 23), TODAY);
        assertFalse(age.toString().contains("1980"), age.toString());
    }
}

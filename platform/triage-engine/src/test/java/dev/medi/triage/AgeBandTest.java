package dev.medi.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static dev.medi.triage.AgeBand.OVER_8_YEARS;
import static dev.medi.triage.AgeBand.THREE_MONTHS_TO_3_YEARS;
import static dev.medi.triage.AgeBand.THREE_TO_8_YEARS;
import static dev.medi.triage.AgeBand.UNDER_3_MONTHS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeBandTest {

    @ParameterizedTest(name = "born {0}, assessed {1} -> {2}")
    @CsvSource({
            // under 3 months: birth up to the day before 3 months
            "2025-06-15, 2025-06-15, UNDER_3_MONTHS",
            "2025-05-18, 2025-06-15, UNDER_3_MONTHS",
            "2025-03-16, 2025-06-15, UNDER_3_MONTHS",
            // exactly 3 months belongs to 3 months - 3 years
            "2025-03-15, 2025-06-15, THREE_MONTHS_TO_3_YEARS",
            "2023-12-01, 2025-06-15, THREE_MONTHS_TO_3_YEARS",
            "2022-06-16, 2025-06-15, THREE_MONTHS_TO_3_YEARS",
            // exactly 3 years belongs to 3 - 8 years (the older, more sensitive band)
            "2022-06-15, 2025-06-15, THREE_TO_8_YEARS",
            "2020-01-01, 2025-06-15, THREE_TO_8_YEARS",
            "2017-06-16, 2025-06-15, THREE_TO_8_YEARS",
            // exactly 8 years is not "> 8 years"
            "2017-06-15, 2025-06-15, THREE_TO_8_YEARS",
            "2017-06-14, 2025-06-15, OVER_8_YEARS",
            "2016-06-15, 2025-06-15, OVER_8_YEARS",
            "1950-01-01, 2025-06-15, OVER_8_YEARS",
            // leap-day birthday: 8th birthday on 29 Feb, the day after is over 8 years
            "2016-02-29, 2024-02-29, THREE_TO_8_YEARS",
            "2016-02-29, 2024-03-01, OVER_8_YEARS",
            // 3 months ending in February
            "2024-11-30, 2025-02-28, UNDER_3_MONTHS",
            "2024-11-28, 2025-02-28, THREE_MONTHS_TO_3_YEARS",
    })
    void bandOfCalendarAge(LocalDate born, LocalDate assessed, AgeBand expected) {
        assertEquals(expected, AgeBand.of(PatientAge.between(born, assessed)));
    }

    @ParameterizedTest
    @CsvSource({
            "UNDER_3_MONTHS,          180, 50",
            "THREE_MONTHS_TO_3_YEARS, 160, 40",
            "THREE_TO_8_YEARS,        140, 30",
            "OVER_8_YEARS,            100, 20",
    })
    void limitsAreExclusive(AgeBand band, int heartRate, int respiratoryRate) {
        assertEquals(heartRate, band.heartRateLimit());
        assertEquals(respiratoryRate, band.respiratoryRateLimit());
        assertFalse(band.isHeartRateInDangerZone(heartRate));
        assertTrue(band.isHeartRateInDangerZone(heartRate + 1));
        assertFalse(band.isRespiratoryRateInDangerZone(respiratoryRate));
        assertTrue(band.isRespiratoryRateInDangerZone(respiratoryRate + 1));
    }

    @Test
    void factoryAgesLandOnTheDocumentedSideOfEachBoundary() {
        LocalDate today = LocalDate.of(2025, 6, 15);
        assertEquals(UNDER_3_MONTHS, AgeBand.of(PatientAge.ofDays(0, today)));
        assertEquals(THREE_MONTHS_TO_3_YEARS, AgeBand.of(PatientAge.ofMonths(3, today)));
        assertEquals(THREE_TO_8_YEARS, AgeBand.of(PatientAge.ofYears(3, today)));
        assertEquals(THREE_TO_8_YEARS, AgeBand.of(PatientAge.ofYears(8, today)));
        assertEquals(OVER_8_YEARS, AgeBand.of(PatientAge.ofYears(9, today)));
    }

    @Test
    void rejectsMissingAge() {
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(null));
    }
}

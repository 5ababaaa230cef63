package dev.medi.patient.observation;

import dev.medi.patient.observation.VitalSignReferenceRanges.AgeBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference ranges by age band (NEWS2 for adults, PALS for children), at their edges. */
class VitalSignReferenceRangesTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 15);

    private static String flag(VitalSign sign, String value, LocalDate birthDate) {
        return VitalSignReferenceRanges.interpret(sign, new BigDecimal(value), birthDate, ON)
                .map(Interpretation::code).orElse("-");
    }

    private static LocalDate aged(int years) {
        return ON.minusYears(years);
    }

    @Test
    void ageBandsChangeOnTheBirthday() {
        assertEquals(AgeBand.INFANT, AgeBand.of(ON.minusDays(364), ON));
        assertEquals(AgeBand.CHILD, AgeBand.of(ON.minusYears(1), ON));
        assertEquals(AgeBand.CHILD, AgeBand.of(ON.minusYears(12).plusDays(1), ON));
        assertEquals(AgeBand.ADOLESCENT, AgeBand.of(ON.minusYears(12), ON));
        assertEquals(AgeBand.ADOLESCENT, AgeBand.of(ON.minusYears(18).plusDays(1), ON));
        assertEquals(AgeBand.ADULT, AgeBand.of(ON.minusYears(18), ON));
    }

    @ParameterizedTest(name = "adult {0} {1} → {2}")
    @CsvSource({
            "HEART_RATE, 40, LL", "HEART_RATE, 41, L", "HEART_RATE, 50, L", "HEART_RATE, 51, N", "HEART_RATE, 90, N",
            "HEART_RATE, 91, H", "HEART_RATE, 130, H", "HEART_RATE, 131, HH",
            "RESPIRATORY_RATE, 8, LL", "RESPIRATORY_RATE, 9, L", "RESPIRATORY_RATE, 12, N", "RESPIRATORY_RATE, 20, N",
            "RESPIRATORY_RATE, 21, H", "RESPIRATORY_RATE, 24, H", "RESPIRATORY_RATE, 25, HH",
            "OXYGEN_SATURATION, 91, LL", "OXYGEN_SATURATION, 92, L", "OXYGEN_SATURATION, 95, L",
            "OXYGEN_SATURATION, 96, N", "OXYGEN_SATURATION, 100, N",
            "SYSTOLIC_BP, 90, LL", "SYSTOLIC_BP, 91, L", "SYSTOLIC_BP, 110, L", "SYSTOLIC_BP, 111, N",
            "SYSTOLIC_BP, 219, N", "SYSTOLIC_BP, 220, HH",
            "DIASTOLIC_BP, 40, N", "DIASTOLIC_BP, 89, N", "DIASTOLIC_BP, 90, H", "DIASTOLIC_BP, 120, HH",
            "BODY_TEMPERATURE, 35.0, LL", "BODY_TEMPERATURE, 35.1, L", "BODY_TEMPERATURE, 36.0, L",
            "BODY_TEMPERATURE, 36.1, N", "BODY_TEMPERATURE, 38.0, N", "BODY_TEMPERATURE, 38.1, H",
            "BODY_TEMPERATURE, 40.5, H",
            "PAIN_SCORE, 9, -", "BODY_WEIGHT, 140, -", "BODY_HEIGHT, 120, -"})
    void adultsFollowNews2(VitalSign sign, String value, String expected) {
        assertEquals(expected, flag(sign, value, aged(40)));
    }

    @Test
    void aHeartRateNormalForAnInfantIsHighForAnAdult() {
        assertEquals("N", flag(VitalSign.HEART_RATE, "150", ON.minusMonths(6)));
        assertEquals("H", flag(VitalSign.HEART_RATE, "150", aged(8)));
        assertEquals("HH", flag(VitalSign.HEART_RATE, "150", aged(30)));
    }

    @ParameterizedTest(name = "infant {0} {1} → {2}")
    @CsvSource({
            "HEART_RATE, 59, LL", "HEART_RATE, 99, L", "HEART_RATE, 100, N", "HEART_RATE, 180, N",
            "HEART_RATE, 181, H", "HEART_RATE, 220, HH",
            "RESPIRATORY_RATE, 29, L", "RESPIRATORY_RATE, 30, N", "RESPIRATORY_RATE, 53, N",
            "RESPIRATORY_RATE, 54, H", "RESPIRATORY_RATE, 60, HH",
            "SYSTOLIC_BP, 69, LL", "SYSTOLIC_BP, 70, L", "SYSTOLIC_BP, 72, N", "SYSTOLIC_BP, 104, N", "SYSTOLIC_BP, 105, H",
            "OXYGEN_SATURATION, 93, L", "OXYGEN_SATURATION, 94, N", "BODY_TEMPERATURE, 38.0, H"})
    void infantsFollowPals(VitalSign sign, String value, String expected) {
        assertEquals(expected, flag(sign, value, ON.minusMonths(6)));
    }

    @Test
    void neonatesHaveTheirOwnLimits() {
        LocalDate tenDaysOld = ON.minusDays(10);
        assertEquals("N", flag(VitalSign.HEART_RATE, "200", tenDaysOld));
        assertEquals("H", flag(VitalSign.HEART_RATE, "200", ON.minusMonths(3)));
        assertEquals("L", flag(VitalSign.SYSTOLIC_BP, "65", tenDaysOld));
        assertEquals("LL", flag(VitalSign.SYSTOLIC_BP, "65", ON.minusMonths(3)));
    }

    @ParameterizedTest(name = "child aged {0}: {1} {2} → {3}")
    @CsvSource({
            "2, HEART_RATE, 97, L", "2, HEART_RATE, 140, N", "2, HEART_RATE, 141, H",
            "4, HEART_RATE, 79, L", "4, HEART_RATE, 121, H",
            "8, HEART_RATE, 75, N", "8, HEART_RATE, 118, N", "8, HEART_RATE, 119, H", "8, HEART_RATE, 180, HH",
            "8, HEART_RATE, 59, LL",
            "2, RESPIRATORY_RATE, 37, N", "4, RESPIRATORY_RATE, 29, H", "8, RESPIRATORY_RATE, 17, L",
            "8, RESPIRATORY_RATE, 60, HH", "8, RESPIRATORY_RATE, 10, LL",
            // PALS hypotension: below 70 + 2 × age (1–10 years), below 90 from 10
            "3, SYSTOLIC_BP, 75, LL", "3, SYSTOLIC_BP, 76, L", "8, SYSTOLIC_BP, 85, LL", "8, SYSTOLIC_BP, 86, L",
            "8, SYSTOLIC_BP, 97, N", "8, SYSTOLIC_BP, 116, H", "11, SYSTOLIC_BP, 89, LL", "11, SYSTOLIC_BP, 101, L",
            "11, SYSTOLIC_BP, 120, N", "4, DIASTOLIC_BP, 73, H", "4, DIASTOLIC_BP, 45, L",
            "5, BODY_TEMPERATURE, 37.9, N", "5, BODY_TEMPERATURE, 38.0, H"})
    void childrenFollowPals(int years, VitalSign sign, String value, String expected) {
        assertEquals(expected, flag(sign, value, aged(years)));
    }

    @ParameterizedTest(name = "adolescent {0} {1} → {2}")
    @CsvSource({"HEART_RATE, 59, L", "HEART_RATE, 60, N", "HEART_RATE, 100, N", "HEART_RATE, 101, H",
            "HEART_RATE, 131, HH", "HEART_RATE, 40, LL", "SYSTOLIC_BP, 109, L", "SYSTOLIC_BP, 132, H",
            "SYSTOLIC_BP, 89, LL", "DIASTOLIC_BP, 84, H", "RESPIRATORY_RATE, 25, HH"})
    void adolescentsFollowPalsWithAdultCriticalLimits(VitalSign sign, String value, String expected) {
        assertEquals(expected, flag(sign, value, aged(15)));
    }

    @Test
    void consciousnessOtherThanAlertIsCritical() {
        assertEquals(Interpretation.NORMAL, VitalSignReferenceRanges.interpret(VitalSign.Consciousness.ALERT));
        for (VitalSign.Consciousness level : VitalSign.Consciousness.values()) {
            if (level != VitalSign.Consciousness.ALERT) {
                assertEquals(Interpretation.CRITICAL_ABNORMAL, VitalSignReferenceRanges.interpret(level));
            }
        }
        assertEquals(Optional.empty(), VitalSignReferenceRanges.interpret(VitalSign.CONSCIOUSNESS, BigDecimal.ONE,
                aged(40), ON));
    }

    @Test
    void physiologicallyImpossibleValuesAreNamed() {
        assertTrue(VitalSign.HEART_RATE.checkValue(new BigDecimal("400")).isPresent());
        assertTrue(VitalSign.HEART_RATE.checkValue(new BigDecimal("80.5")).isPresent(), "whole beats only");
        assertTrue(VitalSign.HEART_RATE.checkValue(new BigDecimal("80.0")).isEmpty());
        assertTrue(VitalSign.BODY_TEMPERATURE.checkValue(new BigDecimal("36.85")).isPresent());
        assertTrue(VitalSign.BODY_TEMPERATURE.checkValue(new BigDecimal("24.9")).isPresent());
        assertTrue(VitalSign.BODY_WEIGHT.checkValue(new BigDecimal("3.455")).isEmpty());
        assertTrue(VitalSign.PAIN_SCORE.checkValue(new BigDecimal("11")).isPresent());
        assertEquals(VitalSign.OXYGEN_SATURATION, VitalSign.ofCode("59408-5").orElseThrow());
        assertTrue(VitalSign.ofCode("12345-6").isEmpty());
        assertEquals(VitalSign.Consciousness.VOICE, VitalSign.Consciousness.of("VOICE").orElseThrow());
        assertEquals(VitalSign.Consciousness.NEW_CONFUSION, VitalSign.Consciousness.of("c").orElseThrow());
    }
}

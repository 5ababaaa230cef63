package dev.medi.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid input is rejected with a message that names the field and never echoes the value. */
class TriageInputValidationTest {

    private static final PatientAge ADULT = PatientAge.ofYears(40, LocalDate.of(2025, 6, 15));

    static Stream<Arguments> invalidVitals() {
        return Stream.of(
                Arguments.of("heartRate", "-1", (Executable) () -> Vitals.builder().heartRate(-1).build()),
                Arguments.of("heartRate", "351", (Executable) () -> Vitals.builder().heartRate(351).build()),
                Arguments.of("respiratoryRate", "-3", (Executable) () -> Vitals.builder().respiratoryRate(-3).build()),
                Arguments.of("respiratoryRate", "151", (Executable) () -> Vitals.builder().respiratoryRate(151).build()),
                Arguments.of("spo2", "-5", (Executable) () -> Vitals.builder().spo2(-5).build()),
                Arguments.of("spo2", "101", (Executable) () -> Vitals.builder().spo2(101).build()),
                Arguments.of("systolicBp", "-120", (Executable) () -> Vitals.builder().bloodPressure(-120, 80).build()),
                Arguments.of("diastolicBp", "-80", (Executable) () -> Vitals.builder().bloodPressure(120, -80).build()),
                Arguments.of("pain", "-1", (Executable) () -> Vitals.builder().pain(-1).build()),
                Arguments.of("pain", "11", (Executable) () -> Vitals.builder().pain(11).build()),
                Arguments.of("temperatureCelsius", "-0.5",
                        (Executable) () -> Vitals.builder().temperatureCelsius(-0.5).build()),
                // A Fahrenheit reading in the Celsius field must not pass as a fever.
                Arguments.of("temperatureCelsius", "98.6",
                        (Executable) () -> Vitals.builder().temperatureCelsius(98.6).build()),
                Arguments.of("temperatureCelsius", "NaN",
                        (Executable) () -> Vitals.builder().temperatureCelsius(Double.NaN).build()),
                Arguments.of("temperatureCelsius", "Infinity",
                        (Executable) () -> Vitals.builder().temperatureCelsius(Double.POSITIVE_INFINITY).build()),
                Arguments.of("expectedResources", "-1",
                        (Executable) () -> TriageAssessment.builder(ADULT).expectedResources(-1).build()),
                Arguments.of("age", "null", (Executable) () -> TriageAssessment.builder(null).build()));
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @MethodSource("invalidVitals")
    void rejectsInvalidInput(String field, String value, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertFalse(e.getMessage().contains(value) && !"null".equals(value), e.getMessage());
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        assertDoesNotThrow(() -> new Vitals(0, 0, 0, 0, 0, 0.0, 0, Avpu.ALERT));
        assertDoesNotThrow(() -> new Vitals(350, 150, 100, 350, 300, 47.0, 10, Avpu.UNRESPONSIVE));
        assertDoesNotThrow(() -> TriageAssessment.builder(ADULT).expectedResources(0).build());
    }

    @Test
    void missingVitalsBecomeNotMeasured() {
        TriageAssessment assessment = TriageAssessment.builder(ADULT).vitals(null).build();
        assertSame(Vitals.notMeasured(), assessment.vitals());
    }

    @Test
    void toStringLeavesOutTheChiefComplaint() {
        TriageAssessment assessment = TriageAssessment.builder(ADULT).chiefComplaint("Jane Doe, chest pain").build();
        assertFalse(assessment.toString().contains("Jane"), assessment.toString());
    }

    @Test
    void resultLevelMustMatchItsRule() {
        assertThrows(IllegalArgumentException.class,
                () -> new TriageResult(EsiLevel.THREE, TriageRule.A_UNRESPONSIVE, "x", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TriageResult(EsiLevel.TWO, TriageRule.D_DANGER_ZONE_VITALS, "x", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TriageResult(EsiLevel.THREE, TriageRule.C_MANY_RESOURCES, "x", List.of(Vitals.SPO2)));
        assertThrows(IllegalArgumentException.class,
                () -> new TriageResult(EsiLevel.FIVE, TriageRule.C_NO_RESOURCES, " ", List.of()));
        assertEquals(List.of(), new TriageResult(EsiLevel.FIVE, TriageRule.C_NO_RESOURCES, "x", null)
                .dangerZoneVitalsExceeded());
    }

    @Test
    void engineRejectsMissingAssessment() {
        assertThrows(IllegalArgumentException.class, () -> new TriageEngine().assess(null));
    }
}

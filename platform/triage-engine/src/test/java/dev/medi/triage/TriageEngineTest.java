package dev.medi.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.medi.triage.TriageRule.A_LIFE_SAVING_INTERVENTION;
import static dev.medi.triage.TriageRule.A_UNRESPONSIVE;
import static dev.medi.triage.TriageRule.B_CONFUSION_LETHARGY;
import static dev.medi.triage.TriageRule.B_HIGH_RISK;
import static dev.medi.triage.TriageRule.B_NEONATAL_FEVER;
import static dev.medi.triage.TriageRule.B_SEVERE_PAIN;
import static dev.medi.triage.TriageRule.C_MANY_RESOURCES;
import static dev.medi.triage.TriageRule.C_NO_RESOURCES;
import static dev.medi.triage.TriageRule.C_ONE_RESOURCE;
import static dev.medi.triage.TriageRule.D_DANGER_ZONE_VITALS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final PatientAge ADULT = PatientAge.ofYears(40, TODAY);

    /** One representative age inside each band. */
    private static final List<Arguments> BAND_AGES = List.of(
            Arguments.of(AgeBand.UNDER_3_MONTHS, PatientAge.ofDays(45, TODAY)),
            Arguments.of(AgeBand.THREE_MONTHS_TO_3_YEARS, PatientAge.ofMonths(18, TODAY)),
            Arguments.of(AgeBand.THREE_TO_8_YEARS, PatientAge.ofYears(5, TODAY)),
            Arguments.of(AgeBand.OVER_8_YEARS, ADULT));

    private final TriageEngine engine = new TriageEngine();

    // ---------------------------------------------------------------- decision points A, B, C

    static Stream<Arguments> decisionPoints() {
        return Stream.of(
                // A
                c("A: life-saving intervention", ADULT, a -> a.requiresImmediateLifeSavingIntervention(true),
                        v -> v, A_LIFE_SAVING_INTERVENTION),
                c("A: AVPU P", ADULT, a -> a, v -> v.consciousness(Avpu.PAIN), A_UNRESPONSIVE),
                c("A: AVPU U", ADULT, a -> a, v -> v.consciousness(Avpu.UNRESPONSIVE), A_UNRESPONSIVE),
                c("A: AVPU U in an infant", PatientAge.ofDays(10, TODAY), a -> a,
                        v -> v.consciousness(Avpu.UNRESPONSIVE), A_UNRESPONSIVE),
                c("not A: AVPU V is nurse judgement", ADULT, a -> a.expectedResources(2),
                        v -> v.consciousness(Avpu.VOICE), C_MANY_RESOURCES),
                c("not A: AVPU A", ADULT, a -> a, v -> v.consciousness(Avpu.ALERT), C_NO_RESOURCES),
                // B
                c("B: high risk", ADULT, a -> a.highRiskSituation(true), v -> v, B_HIGH_RISK),
                c("B: new confusion", ADULT, a -> a.newConfusionLethargyOrDisorientation(true), v -> v,
                        B_CONFUSION_LETHARGY),
                c("B: severe pain (nurse)", ADULT, a -> a.severePainOrDistress(true), v -> v, B_SEVERE_PAIN),
                c("B: pain 7", ADULT, a -> a, v -> v.pain(7), B_SEVERE_PAIN),
                c("B: pain 10", ADULT, a -> a.expectedResources(3), v -> v.pain(10), B_SEVERE_PAIN),
                c("not B: pain 6", ADULT, a -> a, v -> v.pain(6), C_NO_RESOURCES),
                c("not B: pain 6, one resource", ADULT, a -> a.expectedResources(1), v -> v.pain(6), C_ONE_RESOURCE),
                // B: neonatal fever, 28 days or younger and > 38.0 °C
                c("B: neonatal fever, day 0", PatientAge.ofDays(0, TODAY), a -> a,
                        v -> v.temperatureCelsius(38.1), B_NEONATAL_FEVER),
                c("B: neonatal fever, day 28", PatientAge.ofDays(28, TODAY), a -> a,
                        v -> v.temperatureCelsius(38.1), B_NEONATAL_FEVER),
                c("B: neonatal fever, 28 days = 1 calendar month in February",
                        PatientAge.between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1)), a -> a,
                        v -> v.temperatureCelsius(39.0), B_NEONATAL_FEVER),
                c("not B: day 28, 38.0 is not above 38.0", PatientAge.ofDays(28, TODAY), a -> a.expectedResources(1),
                        v -> v.temperatureCelsius(38.0), C_ONE_RESOURCE),
                c("not B: day 29 with fever (1-3 months: nurse judgement)", PatientAge.ofDays(29, TODAY),
                        a -> a.expectedResources(1), v -> v.temperatureCelsius(38.1), C_ONE_RESOURCE),
                c("not B: adult with fever", ADULT, a -> a, v -> v.temperatureCelsius(40.0), C_NO_RESOURCES),
                c("not B: neonate, temperature not measured", PatientAge.ofDays(5, TODAY), a -> a.expectedResources(1),
                        v -> v, C_ONE_RESOURCE),
                // C
                c("C: no resources", ADULT, a -> a.expectedResources(0), v -> v, C_NO_RESOURCES),
                c("C: one resource", ADULT, a -> a.expectedResources(1), v -> v, C_ONE_RESOURCE),
                c("C: two resources", ADULT, a -> a.expectedResources(2), v -> v, C_MANY_RESOURCES),
                c("C: five resources", ADULT, a -> a.expectedResources(5), v -> v, C_MANY_RESOURCES),
                c("C: danger zone is not evaluated for ESI 4", ADULT, a -> a.expectedResources(1),
                        v -> v.heartRate(150).respiratoryRate(30).spo2(85), C_ONE_RESOURCE),
                c("C: danger zone is not evaluated for ESI 5", ADULT, a -> a.expectedResources(0),
                        v -> v.heartRate(150), C_NO_RESOURCES),
                // priority: A over B over C/D
                c("A over B", ADULT, a -> a.requiresImmediateLifeSavingIntervention(true).highRiskSituation(true)
                                .newConfusionLethargyOrDisorientation(true).severePainOrDistress(true),
                        v -> v.pain(10), A_LIFE_SAVING_INTERVENTION),
                c("A flag over AVPU U", ADULT, a -> a.requiresImmediateLifeSavingIntervention(true),
                        v -> v.consciousness(Avpu.UNRESPONSIVE), A_LIFE_SAVING_INTERVENTION),
                c("AVPU P over B", ADULT, a -> a.highRiskSituation(true), v -> v.consciousness(Avpu.PAIN),
                        A_UNRESPONSIVE),
                c("A over neonatal fever", PatientAge.ofDays(3, TODAY), a -> a,
                        v -> v.consciousness(Avpu.UNRESPONSIVE).temperatureCelsius(39.0), A_UNRESPONSIVE),
                c("A over danger zone", ADULT, a -> a.requiresImmediateLifeSavingIntervention(true).expectedResources(3),
                        v -> v.spo2(80), A_LIFE_SAVING_INTERVENTION),
                c("B over C (no resources)", ADULT, a -> a.highRiskSituation(true).expectedResources(0), v -> v,
                        B_HIGH_RISK),
                c("B over C (one resource)", ADULT, a -> a.newConfusionLethargyOrDisorientation(true)
                        .expectedResources(1), v -> v, B_CONFUSION_LETHARGY),
                c("B over D", ADULT, a -> a.severePainOrDistress(true).expectedResources(3),
                        v -> v.heartRate(150).spo2(85), B_SEVERE_PAIN),
                c("within B: high risk over confusion and pain", ADULT, a -> a.highRiskSituation(true)
                        .newConfusionLethargyOrDisorientation(true).severePainOrDistress(true), v -> v, B_HIGH_RISK),
                c("within B: confusion over pain", ADULT, a -> a.newConfusionLethargyOrDisorientation(true),
                        v -> v.pain(9), B_CONFUSION_LETHARGY),
                c("within B: neonatal fever over pain", PatientAge.ofDays(20, TODAY), a -> a.severePainOrDistress(true),
                        v -> v.temperatureCelsius(38.5), B_NEONATAL_FEVER),
                c("within B: high risk over neonatal fever", PatientAge.ofDays(20, TODAY), a -> a.highRiskSituation(true),
                        v -> v.temperatureCelsius(38.5), B_HIGH_RISK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionPoints")
    void decisionPoint(String name, TriageAssessment assessment, TriageRule expectedRule) {
        TriageResult result = engine.assess(assessment);
        assertAll(
                () -> assertEquals(expectedRule, result.rule(), "rule"),
                () -> assertEquals(expectedRule.level(), result.level(), "level"),
                () -> assertEquals(List.of(), result.dangerZoneVitalsExceeded(), "danger-zone vitals"),
                () -> assertTrue(result.explanation().startsWith("Decision point " + expectedRule.decisionPoint()),
                        result.explanation()));
    }

    @Test
    void expectedLevelsOfTheRules() {
        // The table above asserts level == rule.level(); pin those levels here so the table cannot drift.
        assertEquals(EsiLevel.ONE, engine.assess(TriageAssessment.builder(ADULT)
                .requiresImmediateLifeSavingIntervention(true).build()).level());
        assertEquals(EsiLevel.TWO, engine.assess(TriageAssessment.builder(ADULT).highRiskSituation(true).build()).level());
        assertEquals(EsiLevel.THREE, engine.assess(TriageAssessment.builder(ADULT).expectedResources(2).build()).level());
        assertEquals(EsiLevel.FOUR, engine.assess(TriageAssessment.builder(ADULT).expectedResources(1).build()).level());
        assertEquals(EsiLevel.FIVE, engine.assess(TriageAssessment.builder(ADULT).expectedResources(0).build()).level());
    }

    // ---------------------------------------------------------------- decision point D

    static Stream<Arguments> dangerZone() {
        List<Arguments> cases = new ArrayList<>();
        for (Arguments bandAge : BAND_AGES) {
            AgeBand band = (AgeBand) bandAge.get()[0];
            PatientAge age = (PatientAge) bandAge.get()[1];
            int hr = band.heartRateLimit();
            int rr = band.respiratoryRateLimit();
            cases.add(d(band + ": HR at limit", age, v -> v.heartRate(hr), List.of()));
            cases.add(d(band + ": HR limit + 1", age, v -> v.heartRate(hr + 1), List.of(Vitals.HEART_RATE)));
            cases.add(d(band + ": RR at limit", age, v -> v.respiratoryRate(rr), List.of()));
            cases.add(d(band + ": RR limit + 1", age, v -> v.respiratoryRate(rr + 1),
                    List.of(Vitals.RESPIRATORY_RATE)));
            cases.add(d(band + ": SpO2 92", age, v -> v.spo2(92), List.of()));
            cases.add(d(band + ": SpO2 91", age, v -> v.spo2(91), List.of(Vitals.SPO2)));
            cases.add(d(band + ": all at limit", age, v -> v.heartRate(hr).respiratoryRate(rr).spo2(92), List.of()));
            cases.add(d(band + ": all exceeded", age, v -> v.heartRate(hr + 1).respiratoryRate(rr + 1).spo2(91),
                    List.of(Vitals.HEART_RATE, Vitals.RESPIRATORY_RATE, Vitals.SPO2)));
        }
        // The band boundaries as the engine applies them.
        cases.add(d("2 months 30 days: HR 170 within < 3 months limit",
                PatientAge.between(LocalDate.of(2025, 3, 16), TODAY), v -> v.heartRate(170), List.of()));
        cases.add(d("exactly 3 months: HR 170 above 3m-3y limit", PatientAge.ofMonths(3, TODAY),
                v -> v.heartRate(170), List.of(Vitals.HEART_RATE)));
        cases.add(d("day before 3rd birthday: RR 35 within 3m-3y limit",
                PatientAge.between(LocalDate.of(2022, 6, 16), TODAY), v -> v.respiratoryRate(35), List.of()));
        cases.add(d("exactly 3 years: RR 35 above 3-8y limit", PatientAge.ofYears(3, TODAY),
                v -> v.respiratoryRate(35), List.of(Vitals.RESPIRATORY_RATE)));
        cases.add(d("exactly 8 years: HR 120 within 3-8y limit", PatientAge.ofYears(8, TODAY),
                v -> v.heartRate(120), List.of()));
        cases.add(d("8 years and 1 day: HR 120 above > 8y limit", PatientAge.between(TODAY.minusYears(8).minusDays(1), TODAY),
                v -> v.heartRate(120), List.of(Vitals.HEART_RATE)));
        // Missing vitals are not in the danger zone.
        cases.add(d("no vitals measured", ADULT, v -> v, List.of()));
        cases.add(d("only SpO2 measured, 91", ADULT, v -> v.spo2(91), List.of(Vitals.SPO2)));
        cases.add(d("only HR measured, exceeded", ADULT, v -> v.heartRate(101), List.of(Vitals.HEART_RATE)));
        cases.add(d("temperature and BP do not count", ADULT,
                v -> v.temperatureCelsius(40.5).bloodPressure(80, 40), List.of()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerZone")
    void decisionPointD(String name, TriageAssessment assessment, List<String> expectedExceeded) {
        TriageResult result = engine.assess(assessment);
        TriageRule expectedRule = expectedExceeded.isEmpty() ? C_MANY_RESOURCES : D_DANGER_ZONE_VITALS;
        EsiLevel expectedLevel = expectedExceeded.isEmpty() ? EsiLevel.THREE : EsiLevel.TWO;
        assertAll(
                () -> assertEquals(expectedLevel, result.level(), "level"),
                () -> assertEquals(expectedRule, result.rule(), "rule"),
                () -> assertEquals(expectedExceeded, result.dangerZoneVitalsExceeded(), "danger-zone vitals"));
    }

    @Test
    void missingVitalsAreNamedInTheExplanation() {
        TriageResult result = engine.assess(TriageAssessment.builder(ADULT).vitals(null).expectedResources(2).build());
        assertEquals(C_MANY_RESOURCES, result.rule());
        assertTrue(result.explanation().contains("Not measured"), result.explanation());
        assertTrue(result.explanation().contains("heartRate, respiratoryRate, spo2"), result.explanation());

        TriageResult complete = engine.assess(TriageAssessment.builder(ADULT).expectedResources(2)
                .vitals(Vitals.builder().heartRate(80).respiratoryRate(16).spo2(98).build()).build());
        assertFalse(complete.explanation().contains("Not measured"), complete.explanation());
    }

    @Test
    void dangerZoneExplanationSaysTheNurseMayOverride() {
        TriageResult result = engine.assess(TriageAssessment.builder(PatientAge.ofYears(5, TODAY)).expectedResources(2)
                .vitals(Vitals.builder().heartRate(141).respiratoryRate(20).spo2(97).build()).build());
        assertEquals(D_DANGER_ZONE_VITALS, result.rule());
        assertTrue(result.explanation().contains("consider"), result.explanation());
        assertTrue(result.explanation().contains("override"), result.explanation());
        assertTrue(result.explanation().contains("HR > 140"), result.explanation());
    }

    @Test
    void explanationCarriesNoPatientData() {
        TriageResult result = engine.assess(TriageAssessment.builder(ADULT)
                .chiefComplaint("John Smith: crushing chest pain").expectedResources(3)
                .vitals(Vitals.builder().heartRate(137).respiratoryRate(23).spo2(89).temperatureCelsius(38.7)
                        .pain(5).build())
                .build());
        assertEquals(D_DANGER_ZONE_VITALS, result.rule());
        for (String patientData : List.of("John", "chest", "137", "23", "89", "38.7")) {
            assertFalse(result.explanation().contains(patientData), patientData + " in: " + result.explanation());
        }
    }

    @Test
    void engineIsReusableAcrossAssessments() {
        TriageAssessment infant = TriageAssessment.builder(PatientAge.ofDays(45, TODAY)).expectedResources(2)
                .vitals(Vitals.builder().heartRate(150).build()).build();
        TriageAssessment adult = TriageAssessment.builder(ADULT).expectedResources(2)
                .vitals(Vitals.builder().heartRate(150).build()).build();
        // Same heart rate, different band: normal for an infant, danger zone for an adult.
        assertEquals(C_MANY_RESOURCES, engine.assess(infant).rule());
        assertEquals(D_DANGER_ZONE_VITALS, engine.assess(adult).rule());
        assertEquals(C_MANY_RESOURCES, engine.assess(infant).rule());
    }

    // ---------------------------------------------------------------- fixtures

    private static Arguments c(String name, PatientAge age, UnaryOperator<TriageAssessment.Builder> answers,
                               UnaryOperator<Vitals.Builder> vitals, TriageRule expectedRule) {
        TriageAssessment assessment = answers.apply(TriageAssessment.builder(age)
                        .chiefComplaint("test complaint")
                        .vitals(vitals.apply(Vitals.builder()).build()))
                .build();
        return Arguments.of(name, assessment, expectedRule);
    }

    /** An ESI 3 candidate (two resources, no A or B criterion) with the given vitals. */
    private static Arguments d(String name, PatientAge age, UnaryOperator<Vitals.Builder> vitals,
                               List<String> expectedExceeded) {
        TriageAssessment assessment = TriageAssessment.builder(age)
                .expectedResources(2)
                .vitals(vitals.apply(Vitals.builder()).build())
                .build();
        return Arguments.of(name, assessment, expectedExceeded);
    }
}

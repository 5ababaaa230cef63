package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.triage.Avpu;
import dev.medi.triage.Vitals;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advisor's answer and the ESI rule engine's, combined: the more urgent wins, the rules are the floor. */
class TriageCombinationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private final OfflineTriageAdvisor advisor = new OfflineTriageAdvisor();

    private TriageCombination.Combined combine(String complaint, Integer age, Vitals vitals) {
        return TriageCombination.combine(advisor.adviseTriage(new TriageQuestion(complaint, age)), age, vitals, TODAY);
    }

    @Test
    void dangerZoneVitalsUpTriageAComplaintOfManyResources() {
        // abdominal pain at 30: ESI 3 by resources; a heart rate of 130 is in the adult danger zone (> 100)
        TriageCombination.Combined combined = combine("abdominal pain", 30, Vitals.builder().heartRate(130)
                .respiratoryRate(18).spo2(98).build());
        assertEquals(3, combined.advisorLevel());
        assertEquals(2, combined.engineLevel());
        assertEquals("D_DANGER_ZONE_VITALS", combined.engineRule());
        assertEquals(List.of("heartRate"), combined.dangerZoneVitals());
        assertEquals(2, combined.suggestedLevel());
        assertTrue(combined.rationale().contains("The ESI rule engine is more urgent than the complaint (ESI 2 against 3)"),
                combined.rationale());
        assertTrue(combined.rationale().endsWith("The nurse decides the final level."));
    }

    @Test
    void normalVitalsLeaveTheComplaintsLevel() {
        TriageCombination.Combined combined = combine("abdominal pain", 30, Vitals.builder().heartRate(80)
                .respiratoryRate(16).spo2(99).build());
        assertEquals(3, combined.suggestedLevel());
        assertEquals("C_MANY_RESOURCES", combined.engineRule());
        assertTrue(combined.rationale().contains("agree on ESI 3"), combined.rationale());
    }

    @Test
    void aHighRiskComplaintIsNotLoweredByNormalVitals() {
        TriageCombination.Combined combined = combine("crushing chest pain", 60, Vitals.builder().heartRate(72)
                .respiratoryRate(14).spo2(99).build());
        assertEquals(2, combined.advisorLevel());
        assertEquals(3, combined.engineLevel());
        assertEquals(2, combined.suggestedLevel());
        assertEquals(List.of("chest pain suggestive of acute coronary syndrome"), combined.highRiskPresentations());
        assertTrue(combined.rationale().contains("The complaint is more urgent"), combined.rationale());
    }

    @Test
    void deniedChestPainWithNormalVitalsIsNotHighRisk() {
        TriageCombination.Combined combined = combine("sore throat, denies chest pain", 40, Vitals.builder()
                .heartRate(76).respiratoryRate(14).spo2(99).build());
        assertEquals(5, combined.suggestedLevel());
        assertTrue(combined.highRiskPresentations().isEmpty());
    }

    @Test
    void unresponsiveOnAvpuIsEsi1WhateverTheComplaint() {
        TriageCombination.Combined combined = combine("sore throat", 40,
                Vitals.builder().consciousness(Avpu.PAIN).build());
        assertEquals(1, combined.suggestedLevel());
        assertEquals("A_UNRESPONSIVE", combined.engineRule());
    }

    @Test
    void severePainScoreIsEsi2() {
        assertEquals(2, combine("twisted ankle", 20, Vitals.builder().pain(8).build()).suggestedLevel());
    }

    @Test
    void theAgeChoosesTheDangerZoneLimits() {
        // a heart rate of 130 is in the danger zone for an adult (> 100), not for a 5-year-old (> 140)
        Vitals vitals = Vitals.builder().heartRate(130).respiratoryRate(24).spo2(98).build();
        assertEquals(3, combine("vomiting and diarrhoea", 5, vitals).suggestedLevel());
        assertEquals(2, combine("vomiting and diarrhoea", 40, vitals).suggestedLevel());
        TriageCombination.Combined unknownAge = combine("vomiting and diarrhoea", null, vitals);
        assertEquals(2, unknownAge.suggestedLevel(), "unknown age: adult limits");
        assertTrue(unknownAge.rationale().contains("Age not given: adult danger-zone limits used."));
    }

    @Test
    void anInfantWithAMeasuredFeverIsEsi2EvenWhenTheComplaintDoesNotSayFever() {
        TriageCombination.Combined combined = combine("not feeding well", 0,
                Vitals.builder().temperatureCelsius(38.4).build());
        assertEquals(2, combined.suggestedLevel());
        assertTrue(combined.rationale().contains("Infant under one year"), combined.rationale());
        assertEquals(3, combine("not feeding well", 1, Vitals.builder().temperatureCelsius(38.4).build())
                .suggestedLevel());
    }

    @Test
    void dangerZoneVitalsWithFewResourcesAreNamedNotUsed() {
        // a laceration (one resource: ESI 4) with SpO2 88: the handbook's decision point D does not apply at ESI 4
        TriageCombination.Combined combined = combine("cut on the hand", 30, Vitals.builder().spo2(88).build());
        assertEquals(4, combined.suggestedLevel());
        assertTrue(combined.rationale().contains("Danger-zone vital signs (spo2) although fewer than two resources"),
                combined.rationale());
    }

    @Test
    void anEngineThatFellBackIsNamed() {
        TriageAdvice advice = new TriageAdvice(3, "model answer", List.of(), 2,
                EngineInfo.of("offline", "medi-triage-rules-1").withFallback("gemini timed out"));
        TriageCombination.Combined combined = TriageCombination.combine(advice, 40, null, TODAY);
        assertTrue(combined.rationale().contains("(offline, medi-triage-rules-1, fallback)"), combined.rationale());
        assertTrue(combined.resources().isEmpty());
        assertFalse(combined.advisor().fallbackReason().isBlank());
    }

    @Test
    void anImpossibleAgeIsRefused() {
        TriageAdvice advice = advisor.adviseTriage(new TriageQuestion("cough", 40));
        assertThrows(IllegalArgumentException.class, () -> TriageCombination.combine(advice, 151, null, TODAY));
    }

    @Test
    void outcomesCompareWithTheNursesLevel() {
        assertEquals(TriageOutcome.AGREEMENT, TriageOutcome.of(3, 3));
        assertEquals(TriageOutcome.UNDER_TRIAGE, TriageOutcome.of(3, 2), "suggested less urgent than the nurse");
        assertEquals(TriageOutcome.OVER_TRIAGE, TriageOutcome.of(2, 3), "suggested more urgent than the nurse");
        assertThrows(IllegalArgumentException.class, () -> TriageOutcome.of(0, 3));
    }
}

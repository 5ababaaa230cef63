package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.triage.PatientAge;
import dev.medi.triage.TriageAssessment;
import dev.medi.triage.TriageEngine;
import dev.medi.triage.TriageResult;
import dev.medi.triage.TriageRule;
import dev.medi.triage.Vitals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One triage suggestion from two answers: the advisor's (the chief complaint read by an engine: the offline rules or
 * a model) and the ESI v4 rule engine's for the vitals ({@link TriageEngine}, shared with queue-service's nurse
 * triage). The suggested level is the <em>more urgent</em> of the two, so a suggestion is never less urgent than the
 * rules when the vitals are in the danger zone (ARCHITECTURE.md §4: the rule engine is the floor).
 *
 * <p>What the engine is given: the vitals (AVPU P/U → ESI 1 at A; pain ≥ 7/10 → ESI 2 at B; heart rate, respiratory
 * rate and SpO2 at D), the age, and the advisor's expected resources at C. The nurse's own answers (life-saving
 * intervention, high risk, new confusion, severe distress) are not guessed: they stay "no", the nurse gives them on
 * the triage form. Age: unknown → an adult's danger-zone limits; 0 years → the limits of 3 months – 3 years (the
 * lower, more sensitive ones of the infant bands), and since the age in days is unknown the neonatal fever rule
 * cannot be applied by the engine: a temperature above 38.0 °C under one year suggests ESI 2 here instead.
 *
 * <p>Decision point D only applies to an ESI 3 patient; when fewer than two resources are expected and the vitals
 * are nevertheless in the danger zone, the rationale says so (a high-risk situation for the nurse to consider)
 * without changing the level. The nurse's final level is the nurse's.
 */
public final class TriageCombination {

    /** Assumed age for the danger-zone limits when none is given. */
    static final int ADULT_YEARS = 18;

    private static final TriageEngine ENGINE = new TriageEngine();

    private TriageCombination() {
    }

    /**
     * A suggestion with everything it was made of.
     *
     * @param dangerZoneVitals the vitals in the danger zone at decision point D (empty unless the engine up-triaged)
     */
    public record Combined(int suggestedLevel, String rationale, List<String> highRiskPresentations,
                           int expectedResources, List<String> resources, int advisorLevel, EngineInfo advisor,
                           int engineLevel, String engineRule, String engineExplanation, List<String> dangerZoneVitals) {
    }

    /**
     * @param vitals   as measured, or {@code null}: nothing measured
     * @param ageYears the age in years, or {@code null} when unknown
     * @throws IllegalArgumentException for an impossible age (the message names the field, never the value)
     */
    public static Combined combine(TriageAdvice advice, Integer ageYears, Vitals vitals, LocalDate today) {
        Vitals measured = vitals == null ? Vitals.notMeasured() : vitals;
        PatientAge age = engineAge(ageYears, today);
        int resources = Math.max(0, advice.expectedResources());
        TriageResult engine = ENGINE.assess(TriageAssessment.builder(age).vitals(measured).expectedResources(resources)
                .build());

        int level = Math.min(advice.suggestedLevel(), engine.level().value());
        List<String> notes = new ArrayList<>();
        if (ageYears != null && ageYears == 0 && measured.temperatureCelsius() != null
                && measured.temperatureCelsius() > TriageEngine.NEONATAL_FEVER_ABOVE_CELSIUS && level > 2) {
            level = 2;
            notes.add("Infant under one year with a temperature above 38.0 degrees Celsius: ESI 2 suggested (the"
                    + " handbook assigns at least ESI 2 up to 28 days and asks to consider it up to 3 months; the age"
                    + " in days decides).");
        }
        if (level > 2 && resources < 2) {
            TriageResult asIfMany = ENGINE.assess(TriageAssessment.builder(age).vitals(measured).expectedResources(2)
                    .build());
            if (asIfMany.rule() == TriageRule.D_DANGER_ZONE_VITALS) {
                notes.add("Danger-zone vital signs (" + String.join(", ", asIfMany.dangerZoneVitalsExceeded())
                        + ") although fewer than two resources are expected: decision point D only applies at ESI 3;"
                        + " consider whether this is a high-risk situation (decision point B).");
            }
        }

        StringBuilder why = new StringBuilder("Suggested ESI ").append(level).append(". Complaint (")
                .append(advice.engine().engine()).append(", ").append(advice.engine().model());
        if (advice.engine().fellBack()) {
            why.append(", fallback");
        }
        why.append("): ").append(advice.rationale()).append(" Vitals (ESI rule engine, ").append(engine.rule())
                .append("): ").append(engine.explanation());
        if (ageYears == null) {
            why.append(" Age not given: adult danger-zone limits used.");
        }
        int advisorLevel = advice.suggestedLevel();
        int engineLevel = engine.level().value();
        if (advisorLevel == engineLevel) {
            why.append(" The complaint rules and the ESI rule engine agree on ESI ").append(engineLevel).append('.');
        } else if (engineLevel < advisorLevel) {
            why.append(" The ESI rule engine is more urgent than the complaint (ESI ").append(engineLevel)
                    .append(" against ").append(advisorLevel).append("): the more urgent level is suggested.");
        } else {
            why.append(" The complaint is more urgent than the ESI rule engine (ESI ").append(advisorLevel)
                    .append(" against ").append(engineLevel).append("): the more urgent level is suggested.");
        }
        notes.forEach(note -> why.append(' ').append(note));
        why.append(" The nurse decides the final level.");

        return new Combined(level, why.toString(), advice.highRiskPresentations(), resources, advice.resources(),
                advisorLevel, advice.engine(), engineLevel, engine.rule().name(), engine.explanation(),
                engine.dangerZoneVitalsExceeded());
    }

    private static PatientAge engineAge(Integer ageYears, LocalDate today) {
        if (ageYears == null) {
            return PatientAge.ofYears(ADULT_YEARS, today);
        }
        if (ageYears == 0) {
            return PatientAge.ofMonths(3, today);
        }
        return PatientAge.ofYears(ageYears, today);
    }
}

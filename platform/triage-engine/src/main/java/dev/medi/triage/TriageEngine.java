package dev.medi.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The Emergency Severity Index (ESI) version 4 algorithm, after the ESI v4 Implementation Handbook (2012
 * edition, ENA 2020 edition). Stateless and thread-safe; free of framework and persistence types so that other
 * services can reuse it.
 *
 * <p>Decision points, in order; the first rule that fires decides:
 * <ol>
 *   <li><b>A – ESI 1</b>: {@link TriageRule#A_LIFE_SAVING_INTERVENTION} if the nurse answers that an immediate
 *       life-saving intervention is required; {@link TriageRule#A_UNRESPONSIVE} if AVPU is P or U.</li>
 *   <li><b>B – ESI 2</b>, "should this patient not wait?", checked in this order:
 *       {@link TriageRule#B_HIGH_RISK}, {@link TriageRule#B_CONFUSION_LETHARGY}, {@link TriageRule#B_NEONATAL_FEVER}
 *       (28 days old or younger and temperature &gt; 38.0 °C: "at least ESI 2"), {@link TriageRule#B_SEVERE_PAIN}
 *       (nurse judgement, or pain score &ge; 7/10). Firm criteria come before the pain criterion, which the
 *       handbook only asks the nurse to consider, so the reported rule is the one least open to override.</li>
 *   <li><b>C – resources</b>: none → ESI 5 ({@link TriageRule#C_NO_RESOURCES}); one → ESI 4
 *       ({@link TriageRule#C_ONE_RESOURCE}); two or more → decision point D. Danger-zone vitals are not
 *       evaluated for ESI 4 and 5 patients, as in the handbook algorithm.</li>
 *   <li><b>D – danger-zone vitals</b>: heart rate or respiratory rate above the {@link AgeBand} limit, or SpO2
 *       below {@value #SPO2_DANGER_ZONE_BELOW}% → ESI 2 ({@link TriageRule#D_DANGER_ZONE_VITALS}); otherwise
 *       ESI 3 ({@link TriageRule#C_MANY_RESOURCES}). The handbook says the nurse should <em>consider</em>
 *       up-triage to ESI 2; the engine proposes ESI 2 and the nurse may override it. A vital that was not
 *       measured counts as outside the danger zone, and the explanation names it.</li>
 * </ol>
 *
 * <p>Not automated, left to nurse judgement (the handbook only says "consider"):
 * <ul>
 *   <li>infant 1 – 3 months old with temperature &gt; 38.0 °C: consider ESI 2;</li>
 *   <li>child 3 months – 3 years with temperature &gt; 39.0 °C and incomplete immunisations or no obvious source
 *       of fever: consider ESI 3;</li>
 *   <li>whether AVPU "V" represents new confusion or lethargy (answer
 *       {@link TriageAssessment#newConfusionLethargyOrDisorientation()}).</li>
 * </ul>
 */
public final class TriageEngine {

    /** SpO2 (%) below which the saturation is in the danger zone, at any age. */
    public static final int SPO2_DANGER_ZONE_BELOW = 92;

    /** Temperature (°C) above which an infant of up to {@value #NEONATAL_MAX_AGE_DAYS} days has a fever. */
    public static final double NEONATAL_FEVER_ABOVE_CELSIUS = 38.0;

    /**
     * Oldest age, in days, of the neonatal fever rule. The handbook's "1 – 28 days" is read as "28 days or
     * younger", so a baby on its day of birth (day 0) is included too.
     */
    public static final long NEONATAL_MAX_AGE_DAYS = 28;

    /** Pain score (0 – 10) from which pain counts as severe at decision point B. */
    public static final int SEVERE_PAIN_SCORE = 7;

    /**
     * Proposes the ESI level of a patient.
     *
     * @throws IllegalArgumentException if {@code assessment} is null
     */
    public TriageResult assess(TriageAssessment assessment) {
        if (assessment == null) {
            throw new IllegalArgumentException("assessment is required");
        }
        Vitals vitals = assessment.vitals();

        // Decision point A: does the patient need an immediate life-saving intervention?
        if (assessment.requiresImmediateLifeSavingIntervention()) {
            return result(TriageRule.A_LIFE_SAVING_INTERVENTION,
                    "Decision point A: requires an immediate life-saving intervention.");
        }
        if (vitals.consciousness() != null && vitals.consciousness().isUnresponsive()) {
            return result(TriageRule.A_UNRESPONSIVE,
                    "Decision point A: responds only to pain or is unresponsive (AVPU P or U).");
        }

        // Decision point B: is this a patient who should not wait?
        if (assessment.highRiskSituation()) {
            return result(TriageRule.B_HIGH_RISK, "Decision point B: high-risk situation.");
        }
        if (assessment.newConfusionLethargyOrDisorientation()) {
            return result(TriageRule.B_CONFUSION_LETHARGY,
                    "Decision point B: new onset of confusion, lethargy or disorientation.");
        }
        if (hasNeonatalFever(assessment)) {
            return result(TriageRule.B_NEONATAL_FEVER,
                    "Decision point B: infant " + NEONATAL_MAX_AGE_DAYS + " days old or younger with a temperature"
                            + " above 38.0 degrees Celsius; the handbook assigns at least ESI 2.");
        }
        if (assessment.severePainOrDistress()) {
            return result(TriageRule.B_SEVERE_PAIN, "Decision point B: severe pain or distress.");
        }
        if (vitals.pain() != null && vitals.pain() >= SEVERE_PAIN_SCORE) {
            return result(TriageRule.B_SEVERE_PAIN,
                    "Decision point B: pain score " + SEVERE_PAIN_SCORE + "/10 or higher; the handbook says"
                            + " consider ESI 2, the nurse may override.");
        }

        // Decision point C: how many different resources?
        if (assessment.expectedResources() == 0) {
            return result(TriageRule.C_NO_RESOURCES, "Decision point C: no resources expected.");
        }
        if (assessment.expectedResources() == 1) {
            return result(TriageRule.C_ONE_RESOURCE, "Decision point C: one resource expected.");
        }

        // Decision point D: danger-zone vitals (only for patients who would be ESI 3)?
        return dangerZone(assessment);
    }

    private static boolean hasNeonatalFever(TriageAssessment assessment) {
        Double temperature = assessment.vitals().temperatureCelsius();
        return temperature != null
                && temperature > NEONATAL_FEVER_ABOVE_CELSIUS
                && assessment.age().days() <= NEONATAL_MAX_AGE_DAYS;
    }

    private static TriageResult dangerZone(TriageAssessment assessment) {
        Vitals vitals = assessment.vitals();
        AgeBand band = AgeBand.of(assessment.age());
        List<String> exceeded = new ArrayList<>(3);
        List<String> notMeasured = new ArrayList<>(3);

        if (vitals.heartRate() == null) {
            notMeasured.add(Vitals.HEART_RATE);
        } else if (band.isHeartRateInDangerZone(vitals.heartRate())) {
            exceeded.add(Vitals.HEART_RATE);
        }
        if (vitals.respiratoryRate() == null) {
            notMeasured.add(Vitals.RESPIRATORY_RATE);
        } else if (band.isRespiratoryRateInDangerZone(vitals.respiratoryRate())) {
            exceeded.add(Vitals.RESPIRATORY_RATE);
        }
        if (vitals.spo2() == null) {
            notMeasured.add(Vitals.SPO2);
        } else if (vitals.spo2() < SPO2_DANGER_ZONE_BELOW) {
            exceeded.add(Vitals.SPO2);
        }

        String limits = " Danger zone for age band " + band.label() + ": HR > " + band.heartRateLimit()
                + ", RR > " + band.respiratoryRateLimit() + ", SpO2 < " + SPO2_DANGER_ZONE_BELOW + "%.";
        String missing = notMeasured.isEmpty() ? ""
                : " Not measured, treated as outside the danger zone: " + String.join(", ", notMeasured) + ".";

        if (exceeded.isEmpty()) {
            return new TriageResult(EsiLevel.THREE, TriageRule.C_MANY_RESOURCES,
                    "Decision point C: two or more resources expected; decision point D: no danger-zone vital sign."
                            + limits + missing,
                    List.of());
        }
        return new TriageResult(EsiLevel.TWO, TriageRule.D_DANGER_ZONE_VITALS,
                "Decision point D: two or more resources expected and danger-zone vital signs ("
                        + String.join(", ", exceeded) + "); the handbook says consider up-triage from ESI 3 to 2,"
                        + " the nurse may override." + limits + missing,
                exceeded);
    }

    private static TriageResult result(TriageRule rule, String explanation) {
        return new TriageResult(rule.level(), rule, explanation, List.of());
    }
}

package dev.medi.triage;

/**
 * What the triage nurse observed and answered, the input of {@link TriageEngine#assess}.
 *
 * <p>The ESI v4 decision points that need clinical judgement are explicit answers, not inferred:
 * <ul>
 *   <li>Decision point A: {@link #requiresImmediateLifeSavingIntervention()} – e.g. airway/breathing support,
 *       emergency medications, hemodynamic interventions. (Unresponsiveness, AVPU P or U, is taken from
 *       {@link Vitals#consciousness()}.)</li>
 *   <li>Decision point B: {@link #highRiskSituation()}, {@link #newConfusionLethargyOrDisorientation()},
 *       {@link #severePainOrDistress()}. A pain score of 7/10 or more in {@link Vitals#pain()} also counts as
 *       severe pain.</li>
 *   <li>Decision point C: {@link #expectedResources()} – the number of <em>different</em> ESI resources
 *       expected (labs, ECG, imaging, IV fluids, IV/IM/nebulised medications, specialty consultation, simple or
 *       complex procedures); 0, 1, or 2 and more ("many").</li>
 * </ul>
 *
 * <p>Invalid input is rejected with an {@link IllegalArgumentException} whose message names the field but
 * carries no patient data. {@link #toString()} leaves out the free-text chief complaint, which may contain
 * identifying details.
 *
 * @param vitals                                 vital signs; {@code null} is treated as nothing measured
 * @param age                                    the patient's age on the day of triage; required because the
 *                                               danger-zone limits and the neonatal fever rule depend on it
 *                                               (estimate it for an unidentified patient)
 * @param chiefComplaint                         reason for the visit; not used by the rules, may be null
 * @param requiresImmediateLifeSavingIntervention decision point A
 * @param highRiskSituation                      decision point B
 * @param newConfusionLethargyOrDisorientation   decision point B
 * @param severePainOrDistress                   decision point B, in the nurse's judgement
 * @param expectedResources                      decision point C, number of different resources, not negative
 */
public record TriageAssessment(
        Vitals vitals,
        PatientAge age,
        String chiefComplaint,
        boolean requiresImmediateLifeSavingIntervention,
        boolean highRiskSituation,
        boolean newConfusionLethargyOrDisorientation,
        boolean severePainOrDistress,
        int expectedResources) {

    public TriageAssessment {
        if (age == null) {
            throw new IllegalArgumentException("age is required");
        }
        if (expectedResources < 0) {
            throw new IllegalArgumentException("expectedResources must not be negative");
        }
        vitals = vitals == null ? Vitals.notMeasured() : vitals;
    }

    /** A builder, so that the four yes/no answers are set by name rather than by position. */
    public static Builder builder(PatientAge age) {
        return new Builder(age);
    }

    @Override
    public String toString() {
        return "TriageAssessment[vitals=" + vitals
                + ", age=" + age
                + ", requiresImmediateLifeSavingIntervention=" + requiresImmediateLifeSavingIntervention
                + ", highRiskSituation=" + highRiskSituation
                + ", newConfusionLethargyOrDisorientation=" + newConfusionLethargyOrDisorientation
                + ", severePainOrDistress=" + severePainOrDistress
                + ", expectedResources=" + expectedResources + "]";
    }

    /** Builder for {@link TriageAssessment}; all yes/no answers default to "no", resources to 0. */
    public static final class Builder {
        private final PatientAge age;
        private Vitals vitals;
        private String chiefComplaint;
        private boolean requiresImmediateLifeSavingIntervention;
        private boolean highRiskSituation;
        private boolean newConfusionLethargyOrDisorientation;
        private boolean severePainOrDistress;
        private int expectedResources;

        private Builder(PatientAge age) {
            this.age = age;
        }

        public Builder vitals(Vitals vitals) {
            this.vitals = vitals;
            return this;
        }

        public Builder chiefComplaint(String chiefComplaint) {
            this.chiefComplaint = chiefComplaint;
            return this;
        }

        public Builder requiresImmediateLifeSavingIntervention(boolean value) {
            this.requiresImmediateLifeSavingIntervention = value;
            return this;
        }

        public Builder highRiskSituation(boolean value) {
            this.highRiskSituation = value;
            return this;
        }

        public Builder newConfusionLethargyOrDisorientation(boolean value) {
            this.newConfusionLethargyOrDisorientation = value;
            return this;
        }

        public Builder severePainOrDistress(boolean value) {
            this.severePainOrDistress = value;
            return this;
        }

        public Builder expectedResources(int expectedResources) {
            this.expectedResources = expectedResources;
            return this;
        }

        /** @throws IllegalArgumentException if the assessment is invalid */
        public TriageAssessment build() {
            return new TriageAssessment(vitals, age, chiefComplaint, requiresImmediateLifeSavingIntervention,
                    highRiskSituation, newConfusionLethargyOrDisorientation, severePainOrDistress,
                    expectedResources);
        }
    }
}

package dev.medi.patient.note;

/**
 * The four sections of a SOAP note: what the patient reports (subjective), what was found (objective), the
 * clinician's assessment and the plan. Missing sections are empty; a note has at least one.
 */
public record SoapContent(String subjective, String objective, String assessment, String plan) {

    /** Longest section (characters). */
    public static final int MAX_SECTION = 20_000;

    public SoapContent {
        subjective = clean(subjective);
        objective = clean(objective);
        assessment = clean(assessment);
        plan = clean(plan);
    }

    public boolean isEmpty() {
        return subjective.isEmpty() && objective.isEmpty() && assessment.isEmpty() && plan.isEmpty();
    }

    private static String clean(String section) {
        return section == null ? "" : section.strip();
    }
}

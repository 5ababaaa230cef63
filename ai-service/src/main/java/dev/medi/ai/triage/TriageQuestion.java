package dev.medi.ai.triage;

/**
 * What the triage assistant is asked: the chief complaint as the desk or the nurse wrote it (redacted), and the
 * patient's age in years when known (ages over 89 are sent as 90: an age that old identifies).
 */
public record TriageQuestion(String chiefComplaint, Integer ageYears) {
}

package dev.medi.patient.service;

import dev.medi.patient.record.Patient;
import dev.medi.platform.defaults.ProblemException;

import java.util.List;

/**
 * Registration stopped because likely duplicates exist; nothing was created. Resending with {@code force=true}
 * registers anyway (and records the override). A 409 {@code possible-duplicate}; the REST edge adds the
 * candidates as the API shows them ({@code candidates} member), since this holds the records themselves.
 */
public class PossibleDuplicateException extends ProblemException {

    /** A candidate and the rule that matched it. */
    public record Candidate(Patient patient, boolean sameBirthDateAndSimilarName, boolean samePhone) {
    }

    static final String DETAIL = "Patients with the same birth date and a similar name, or the same phone number, "
            + "exist. Check them; to register a new patient anyway, send the request again with force=true.";

    private final List<Candidate> candidates;

    public PossibleDuplicateException(List<Candidate> candidates) {
        super(PatientProblemType.POSSIBLE_DUPLICATE, DETAIL);
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }
}

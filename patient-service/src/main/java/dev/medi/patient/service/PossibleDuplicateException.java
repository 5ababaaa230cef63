package dev.medi.patient.service;

import dev.medi.patient.record.Patient;

import java.util.List;

/**
 * Registration stopped because likely duplicates exist; nothing was created. Resending with {@code force=true}
 * registers anyway (and records the override). Answered with 409 and the candidates.
 */
public class PossibleDuplicateException extends RuntimeException {

    /** A candidate and the rule that matched it. */
    public record Candidate(Patient patient, boolean sameBirthDateAndSimilarName, boolean samePhone) {
    }

    private final List<Candidate> candidates;

    public PossibleDuplicateException(List<Candidate> candidates) {
        super("possible duplicate", null, false, false);
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }
}

package dev.medi.ai.triage;

/** Checks on a chief complaint before any engine sees it. */
public final class TriageComplaints {

    /** Longest chief complaint accepted (the check-in's limit). */
    public static final int MAX_LENGTH = 500;

    private TriageComplaints() {
    }

    /** Whether the complaint has no word at all (null, blank, or punctuation only). */
    public static boolean isBlank(String complaint) {
        return complaint == null || ComplaintText.of(complaint).isEmpty();
    }
}

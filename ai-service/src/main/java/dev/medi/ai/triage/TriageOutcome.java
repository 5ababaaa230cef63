package dev.medi.ai.triage;

/**
 * How a suggestion compares with the level the nurse finally set, the nurse's level being the reference
 * (ESI 1 is the most urgent):
 * <ul>
 *   <li>{@link #AGREEMENT}: the same level;</li>
 *   <li>{@link #UNDER_TRIAGE}: the suggestion is <em>less</em> urgent than the nurse's level (a higher number,
 *       e.g. suggested 3, nurse 2) — the dangerous error: a patient the assistant would have let wait;</li>
 *   <li>{@link #OVER_TRIAGE}: the suggestion is <em>more</em> urgent than the nurse's level (a lower number,
 *       e.g. suggested 2, nurse 3).</li>
 * </ul>
 */
public enum TriageOutcome {
    AGREEMENT("agreement"),
    UNDER_TRIAGE("under-triage"),
    OVER_TRIAGE("over-triage");

    private final String code;

    TriageOutcome(String code) {
        this.code = code;
    }

    /** As stored, in the JSON and in metric tags. */
    public String code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException if a level is not 1 to 5
     */
    public static TriageOutcome of(int suggestedLevel, int nurseLevel) {
        if (suggestedLevel < 1 || suggestedLevel > 5 || nurseLevel < 1 || nurseLevel > 5) {
            throw new IllegalArgumentException("ESI levels are 1 to 5");
        }
        if (suggestedLevel == nurseLevel) {
            return AGREEMENT;
        }
        return suggestedLevel > nurseLevel ? UNDER_TRIAGE : OVER_TRIAGE;
    }

    public static TriageOutcome ofCode(String code) {
        for (TriageOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome");
    }
}

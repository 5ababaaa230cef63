package dev.medi.triage;

/**
 * The ESI v4 rule that decided a {@link TriageResult}, with the decision point it belongs to and the level it
 * proposes. The prefix of each constant is the decision point (A, B, C, D).
 */
public enum TriageRule {
    /** A: the patient requires an immediate life-saving intervention. */
    A_LIFE_SAVING_INTERVENTION(EsiLevel.ONE),
    /** A: the patient responds only to pain or is unresponsive (AVPU P or U). */
    A_UNRESPONSIVE(EsiLevel.ONE),
    /** B: high-risk situation. */
    B_HIGH_RISK(EsiLevel.TWO),
    /** B: new onset of confusion, lethargy or disorientation. */
    B_CONFUSION_LETHARGY(EsiLevel.TWO),
    /**
     * B: infant 28 days old or younger with a temperature above 38.0 °C; the handbook assigns at least ESI 2.
     * Checked before {@link #B_SEVERE_PAIN} because it is a firm rule rather than a "consider".
     */
    B_NEONATAL_FEVER(EsiLevel.TWO),
    /**
     * B: severe pain or distress in the nurse's judgement, or a pain score of 7/10 or more. For the pain score the
     * handbook says the nurse should <em>consider</em> ESI 2, so the nurse may override.
     */
    B_SEVERE_PAIN(EsiLevel.TWO),
    /** C: no resources expected. */
    C_NO_RESOURCES(EsiLevel.FIVE),
    /** C: one resource expected. */
    C_ONE_RESOURCE(EsiLevel.FOUR),
    /** C: two or more resources expected and no danger-zone vital sign (decision point D passed). */
    C_MANY_RESOURCES(EsiLevel.THREE),
    /**
     * D: two or more resources and at least one danger-zone vital sign; up-triaged from ESI 3 to 2. The handbook
     * says "consider ESI 2", so this is a proposal the nurse may override.
     */
    D_DANGER_ZONE_VITALS(EsiLevel.TWO);

    private final EsiLevel level;

    TriageRule(EsiLevel level) {
        this.level = level;
    }

    /** The level this rule assigns. */
    public EsiLevel level() {
        return level;
    }

    /** The ESI decision point, 'A' to 'D'. */
    public char decisionPoint() {
        return name().charAt(0);
    }
}

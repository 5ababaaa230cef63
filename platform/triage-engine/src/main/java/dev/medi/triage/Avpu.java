package dev.medi.triage;

/**
 * Level of consciousness on the AVPU scale.
 *
 * <p>ESI v4, decision point A: a patient who responds only to pain ({@link #PAIN}) or not at all
 * ({@link #UNRESPONSIVE}) is ESI 1. {@link #VOICE} is <em>not</em> automated: whether it represents new
 * confusion or lethargy (decision point B) is the nurse's judgement, answered through
 * {@link TriageAssessment#newConfusionLethargyOrDisorientation()}.
 */
public enum Avpu {
    /** Alert. */
    ALERT,
    /** Responds to voice. */
    VOICE,
    /** Responds only to painful stimuli – ESI 1 at decision point A. */
    PAIN,
    /** Unresponsive – ESI 1 at decision point A. */
    UNRESPONSIVE;

    /** Whether this level of consciousness makes the patient ESI 1 at decision point A (P or U). */
    public boolean isUnresponsive() {
        return this == PAIN || this == UNRESPONSIVE;
    }
}

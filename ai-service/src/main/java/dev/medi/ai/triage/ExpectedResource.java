package dev.medi.ai.triage;

/**
 * The kinds of resource ESI v4 counts at decision point C (ESI Implementation Handbook, v4, chapter 5, "ESI
 * resources"): different kinds count once each ("a CBC and electrolytes are one resource, labs"), a complex
 * procedure counts two. Not resources: history and examination, point-of-care tests, a saline lock, oral
 * medication, a tetanus shot, prescription refills, simple wound care, crutches, splints and slings.
 *
 * <p>ECG and X-ray are counted as two kinds, a reading that errs towards more resources (a more urgent level).
 */
public enum ExpectedResource {
    LABS("labs (blood, urine)", 1),
    ECG("ECG", 1),
    XRAY("X-ray", 1),
    ADVANCED_IMAGING("CT, MRI or ultrasound", 1),
    IV_FLUIDS("IV fluids", 1),
    IV_IM_MEDICATION("IV, IM or nebulised medication", 1),
    SPECIALTY_CONSULT("specialty consultation", 1),
    SIMPLE_PROCEDURE("simple procedure (e.g. laceration repair)", 1),
    COMPLEX_PROCEDURE("complex procedure (e.g. procedural sedation)", 2);

    private final String label;
    private final int weight;

    ExpectedResource(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    /** What the nurse reads. */
    public String label() {
        return label;
    }

    /** How many resources this kind counts for at decision point C. */
    public int weight() {
        return weight;
    }
}

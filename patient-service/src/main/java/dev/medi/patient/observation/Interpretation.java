package dev.medi.patient.observation;

/**
 * How a vital sign compares with the reference range for the patient's age: FHIR
 * {@code Observation.interpretation}, codes of http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation.
 */
public enum Interpretation {
    CRITICAL_LOW("LL", "Critical low"),
    LOW("L", "Low"),
    NORMAL("N", "Normal"),
    HIGH("H", "High"),
    CRITICAL_HIGH("HH", "Critical high"),
    /** A coded value far from normal (ACVPU other than alert). */
    CRITICAL_ABNORMAL("AA", "Critical abnormal");

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private final String code;
    private final String display;

    Interpretation(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public boolean abnormal() {
        return this != NORMAL;
    }

    public static Interpretation ofCode(String code) {
        for (Interpretation interpretation : values()) {
            if (interpretation.code.equals(code)) {
                return interpretation;
            }
        }
        throw new IllegalArgumentException("unknown interpretation");
    }
}

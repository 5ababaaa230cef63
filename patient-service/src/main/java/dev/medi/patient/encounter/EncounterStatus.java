package dev.medi.patient.encounter;

/** The state of an {@link Encounter}, named as FHIR R4 {@code Encounter.status}. */
public enum EncounterStatus {
    IN_PROGRESS("in-progress"),
    FINISHED("finished"),
    /** Closed as cancelled or no-show: the visit did not take place as planned. */
    CANCELLED("cancelled");

    private final String code;

    EncounterStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EncounterStatus ofCode(String code) {
        for (EncounterStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown encounter status");
    }
}

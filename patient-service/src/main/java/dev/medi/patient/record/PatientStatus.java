package dev.medi.patient.record;

/** The record's state, with the codes of FHIR R4 (Patient has {@code active}; the resource status code). */
public enum PatientStatus {
    ACTIVE("active"),
    /** Registered by mistake: kept, hidden from search, readable by admins only. */
    ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    PatientStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PatientStatus ofCode(String code) {
        for (PatientStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown patient status");
    }
}

package dev.medi.patient.document;

/** A document is {@code current} until it is marked {@code entered-in-error} (FHIR DocumentReference.status). */
public enum DocumentStatus {
    CURRENT("current"), ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    DocumentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DocumentStatus ofCode(String code) {
        for (DocumentStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown document status");
    }
}

package dev.medi.patient.note;

/** A clinical note is a {@code draft} until a doctor signs it; a {@code signed} note never changes. */
public enum NoteStatus {
    DRAFT("draft"), SIGNED("signed");

    private final String code;

    NoteStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static NoteStatus ofCode(String code) {
        for (NoteStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown note status");
    }
}

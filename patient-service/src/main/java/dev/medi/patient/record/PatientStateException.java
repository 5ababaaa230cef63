package dev.medi.patient.record;

/** The record's state does not allow the change (e.g. editing a record entered in error). Becomes a 409. */
public class PatientStateException extends RuntimeException {

    public PatientStateException(String detail) {
        super(detail, null, false, false);
    }
}

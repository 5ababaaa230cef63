package dev.medi.patient.note;

import dev.medi.patient.record.PatientStateException;

/** The note's state does not allow the change (editing a signed note, amending a draft): a 409. */
public class NoteStateException extends PatientStateException {

    public NoteStateException(String detail) {
        super(detail);
    }
}

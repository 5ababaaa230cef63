package dev.medi.patient.encounter;

import dev.medi.patient.record.PatientStateException;

/** The encounter's state does not allow the change (closing it twice). Becomes a 409 like its parent. */
public class EncounterStateException extends PatientStateException {

    public EncounterStateException(String detail) {
        super(detail);
    }
}

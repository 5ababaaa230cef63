package dev.medi.patient.record;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;

/**
 * The record's state does not allow the change (e.g. editing a record entered in error): a 409 {@code conflict}
 * wherever it is thrown.
 */
public class PatientStateException extends ProblemException {

    public PatientStateException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}

package dev.medi.patient.service;

import dev.medi.platform.defaults.ProblemException;

/** The record was entered in error and only admins may see it: answered with 410 {@code entered-in-error}. */
public class RecordGoneException extends ProblemException {

    public RecordGoneException(String detail) {
        super(PatientProblemType.ENTERED_IN_ERROR, detail);
    }
}

package dev.medi.patient.service;

/** The record was entered in error and only admins may see it: answered with 410 Gone. */
public class RecordGoneException extends RuntimeException {

    public RecordGoneException(String detail) {
        super(detail, null, false, false);
    }
}

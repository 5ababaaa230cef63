package dev.medi.patient.service;

import dev.medi.platform.defaults.ProblemKind;

/**
 * Problems only patient-service answers with (the open catalogue of ADR 0013). The slugs are wire contract:
 * clients switch on them, so they are never renamed. Each is thrown as a {@code ProblemException} (or a domain
 * exception extending it) and written by the platform's mapper; the FHIR edge answers the same exceptions with
 * an OperationOutcome.
 */
public enum PatientProblemType implements ProblemKind {

    /** Registration stopped: likely duplicates exist (the body lists them as {@code candidates}). */
    POSSIBLE_DUPLICATE("possible-duplicate", "Possible duplicate patient", 409),
    /** The record (or document) was entered in error; only admins still see it. */
    ENTERED_IN_ERROR("entered-in-error", "Record entered in error", 410),
    /** Signing needs a recent sign-in: an RFC 9470 step-up challenge. */
    REAUTHENTICATION_REQUIRED("reauthentication-required", "Sign in again to sign", 401);

    private final String slug;
    private final String title;
    private final int status;

    PatientProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}

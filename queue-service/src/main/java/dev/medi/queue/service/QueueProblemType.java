package dev.medi.queue.service;

import dev.medi.platform.defaults.ProblemKind;

/** Problems only queue-service answers with (the open catalogue of ADR 0013); the slugs are wire contract. */
public enum QueueProblemType implements ProblemKind {

    /**
     * A check-in or a link names a patient that is not registered (or was entered in error): the request is well
     * formed but refers to nothing; the body's {@code errors} name the field {@code patientId}.
     */
    UNKNOWN_PATIENT("unknown-patient", "Unknown patient", 422);

    private final String slug;
    private final String title;
    private final int status;

    QueueProblemType(String slug, String title, int status) {
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

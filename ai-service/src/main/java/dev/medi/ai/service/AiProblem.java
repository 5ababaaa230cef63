package dev.medi.ai.service;

import dev.medi.platform.defaults.ProblemKind;

/** The error kinds of ai-service beyond the platform's (ADR 0013: one namespace of type URIs). */
public enum AiProblem implements ProblemKind {
    /** The encounter a scribe job names does not exist (patient-service answered 404). */
    UNKNOWN_ENCOUNTER("unknown-encounter", "Unknown encounter", 404),
    /** A transcript above medi.ai.scribe-jobs.max-transcript-size. */
    TRANSCRIPT_TOO_LARGE("transcript-too-large", "Transcript too large", 413),
    /** The department spent its daily token budget; Retry-After says until when. */
    TOKEN_BUDGET_SPENT("token-budget-spent", "Daily AI token budget spent", 429),
    /** A job that already ended cannot be cancelled. */
    JOB_ENDED("job-ended", "The job has ended", 409);

    private final String slug;
    private final String title;
    private final int status;

    AiProblem(String slug, String title, int status) {
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

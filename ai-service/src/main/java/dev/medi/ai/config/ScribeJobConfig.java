package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;

/** The scribe's job queue: input limits, the runner's pace and how long a worker may hold a job. */
@ConfigMapping(prefix = "medi.ai.scribe-jobs")
public interface ScribeJobConfig {

    /** Largest transcript accepted (UTF-8 bytes of the text, or of all segments' texts): 413 above. */
    @WithDefault("100K")
    MemorySize maxTranscriptSize();

    /** Most segments in one transcript. */
    @WithDefault("2000")
    int maxSegments();

    /** Whether this instance runs jobs on its timer (tests drive the runner themselves). */
    @WithDefault("true")
    boolean runnerEnabled();

    /** How often the runner looks for queued jobs (and for running jobs whose worker died). */
    @WithDefault("1s")
    Duration pollEvery();

    /**
     * How long a worker holds a running job: past it the job counts as abandoned (its worker died) and another
     * worker takes it over. Longer than the slowest engine call with its retries.
     */
    @WithDefault("5m")
    Duration lease();

    /** Attempts before a job that keeps losing its worker is failed. */
    @WithDefault("3")
    int maxAttempts();

    /** The scribe prompt's version, recorded with every draft (the note's provenance). */
    @WithDefault("scribe-v1")
    String promptVersion();
}

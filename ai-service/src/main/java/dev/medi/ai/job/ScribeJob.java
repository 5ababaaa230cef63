package dev.medi.ai.job;

import dev.medi.ai.engine.EngineInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A scribe job: one consultation transcript to a checked SOAP draft. The guard methods are its state machine
 * ({@link JobState}); a job's JSON columns (transcript segments, the patient's identifiers for the redaction, the
 * checked draft) are kept as JSON text here and as {@code jsonb} in the database (the double cast makes the reactive
 * client bind text, which PostgreSQL then parses: binding a string straight to a jsonb parameter would store a JSON
 * string).
 */
@Entity
@Table(name = "scribe_jobs")
public class ScribeJob {

    private static final String JSONB = "cast(cast(? as text) as jsonb)";

    @Id
    private UUID id;

    @Column(name = "encounter_id", nullable = false, updatable = false)
    private UUID encounterId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_by_id", nullable = false, updatable = false)
    private String requestedById;

    @Column(nullable = false)
    @Convert(converter = JobState.Column.class)
    private JobState state;

    private String engine;

    private String model;

    @Column(name = "prompt_version")
    private String promptVersion;

    @Column(name = "fallback_reason")
    private String fallbackReason;

    @Column(name = "input_tokens", nullable = false)
    private int inputTokens;

    @Column(name = "output_tokens", nullable = false)
    private int outputTokens;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(nullable = false, updatable = false)
    @ColumnTransformer(read = "transcript::text", write = JSONB)
    private String transcript;

    @ColumnTransformer(read = "identifiers::text", write = JSONB)
    private String identifiers;

    @ColumnTransformer(read = "draft::text", write = JSONB)
    private String draft;

    @Column(name = "note_id")
    private UUID noteId;

    @Version
    private long version;

    protected ScribeJob() {
        // for Hibernate
    }

    /** A job accepted now, waiting for a worker. */
    public static ScribeJob queue(UUID id, UUID encounterId, UUID patientId, UUID departmentId, String requestedBy,
                                  String requestedById, String transcriptJson, String identifiersJson, Instant now) {
        ScribeJob job = new ScribeJob();
        job.id = Objects.requireNonNull(id);
        job.encounterId = Objects.requireNonNull(encounterId);
        job.patientId = Objects.requireNonNull(patientId);
        job.departmentId = Objects.requireNonNull(departmentId);
        job.requestedBy = Objects.requireNonNull(requestedBy);
        job.requestedById = Objects.requireNonNull(requestedById);
        job.transcript = Objects.requireNonNull(transcriptJson);
        job.identifiers = identifiersJson;
        job.state = JobState.QUEUED;
        job.createdAt = now;
        return job;
    }

    /**
     * A worker takes the job (queued, or running with its lease passed: its worker died) and holds it for
     * {@code lease}.
     *
     * @throws IllegalStateException when it ended, or another worker still holds it
     */
    public void start(Instant now, Duration lease) {
        if (state.ended() || (state == JobState.RUNNING && leaseUntil != null && leaseUntil.isAfter(now))) {
            throw new IllegalStateException("job " + id + " is not startable in state " + state.code());
        }
        state = JobState.RUNNING;
        // as PostgreSQL keeps it (microseconds): heldBy compares the stored start with the worker's
        startedAt = now.truncatedTo(ChronoUnit.MICROS);
        leaseUntil = now.plus(lease);
        attempts++;
    }

    /** The draft was made and checked; the patient's identifiers are forgotten. */
    public void succeed(String draftJson, EngineInfo engineInfo, String usedPromptVersion, UUID draftNoteId,
                        Instant now) {
        requireState(JobState.RUNNING);
        state = JobState.SUCCEEDED;
        draft = Objects.requireNonNull(draftJson);
        engine = engineInfo.engine();
        model = engineInfo.model();
        fallbackReason = engineInfo.fallbackReason();
        inputTokens = Math.max(0, engineInfo.inputTokens());
        outputTokens = Math.max(0, engineInfo.outputTokens());
        promptVersion = usedPromptVersion;
        noteId = draftNoteId;
        end(now);
    }

    /**
     * The job failed; {@code reason} is shown to the doctor and logged, so it never holds patient data.
     *
     * @param engineInfo the engine that was tried, or {@code null}
     */
    public void fail(String reason, EngineInfo engineInfo, Instant now) {
        if (state.ended()) {
            throw new IllegalStateException("job " + id + " has ended");
        }
        state = JobState.FAILED;
        failureReason = Objects.requireNonNull(reason);
        if (engineInfo != null) {
            engine = engineInfo.engine();
            model = engineInfo.model();
            fallbackReason = engineInfo.fallbackReason();
        }
        end(now);
    }

    /**
     * Cancels a queued or running job; a running job's worker finds it cancelled and discards its result.
     *
     * @return false when the job has ended already (nothing changed)
     */
    public boolean cancel(Instant now) {
        if (state.ended()) {
            return false;
        }
        state = JobState.CANCELLED;
        end(now);
        return true;
    }

    /** Whether a worker that started at {@code attemptStartedAt} still holds the job (not cancelled, not taken over). */
    public boolean heldBy(Instant attemptStartedAt) {
        return state == JobState.RUNNING && Objects.equals(startedAt, attemptStartedAt);
    }

    private void end(Instant now) {
        finishedAt = now;
        leaseUntil = null;
        identifiers = null;
    }

    private void requireState(JobState expected) {
        if (state != expected) {
            throw new IllegalStateException("job " + id + " is " + state.code() + ", not " + expected.code());
        }
    }

    public UUID id() {
        return id;
    }

    public UUID encounterId() {
        return encounterId;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedById() {
        return requestedById;
    }

    public JobState state() {
        return state;
    }

    public String engine() {
        return engine;
    }

    public String model() {
        return model;
    }

    public String promptVersion() {
        return promptVersion;
    }

    public String fallbackReason() {
        return fallbackReason;
    }

    public int inputTokens() {
        return inputTokens;
    }

    public int outputTokens() {
        return outputTokens;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String failureReason() {
        return failureReason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String transcriptJson() {
        return transcript;
    }

    public String identifiersJson() {
        return identifiers;
    }

    public String draftJson() {
        return draft;
    }

    public UUID noteId() {
        return noteId;
    }

    public long version() {
        return version;
    }
}

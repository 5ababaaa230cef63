package dev.medi.ai.service;

import dev.medi.ai.client.PatientClient;
import dev.medi.ai.config.BudgetConfig;
import dev.medi.ai.config.ScribeJobConfig;
import dev.medi.ai.job.ScribeJob;
import dev.medi.ai.messaging.ScribeJobEventPublisher;
import dev.medi.ai.repository.ScribeJobRepository;
import dev.medi.ai.repository.TokenBudgetRepository;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptParser;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scribe jobs as the doctor sees them: submitting a transcript, reading a job, the jobs of an encounter or a
 * patient, cancelling. Nothing here reads patient data itself: every check of the encounter and the patient is a
 * call to patient-service with the caller's own token ({@link PatientClient}), which applies its access rule and
 * audits the read. Bad input is refused before anything is asked or stored; a department whose daily token budget is
 * spent gets 429 until its midnight. The job itself runs in {@link ScribeJobRunner}.
 */
@ApplicationScoped
public class ScribeJobService {

    /** Longest list of jobs answered. */
    static final int LIST_LIMIT = 100;

    /** What a submission carries after the resource read it: text or segments, not both. */
    public record Submission(UUID encounterId, String text, List<SegmentInput> segments) {
    }

    /** One speaker turn as sent; {@code start} as text ("00:01:23", "83.5", "PT1M23S") or null. */
    public record SegmentInput(String speaker, String text, String start) {
    }

    private final ScribeJobRepository jobs;
    private final TokenBudgetRepository budget;
    private final PatientClient patients;
    private final ScribeJobEventPublisher events;
    private final ScribeJobConfig config;
    private final BudgetConfig budgetConfig;
    private final Clock clock = Clock.systemUTC();

    ScribeJobService(ScribeJobRepository jobs, TokenBudgetRepository budget, PatientClient patients,
                     ScribeJobEventPublisher events, ScribeJobConfig config, BudgetConfig budgetConfig) {
        this.jobs = jobs;
        this.budget = budget;
        this.patients = patients;
        this.events = events;
        this.config = config;
        this.budgetConfig = budgetConfig;
    }

    /**
     * Accepts a transcript for drafting: checks it (400, 413), asks patient-service for the encounter (404, 403) and
     * the patient's identifiers for the redaction, checks the department's budget (429), stores the job queued and
     * announces it ({@code scribe-job.queued}).
     */
    public Uni<ScribeJob> submit(Caller caller, String bearerToken, Submission submission) {
        Transcript transcript = transcript(submission);
        Instant now = clock.instant();
        return patients.encounter(submission.encounterId(), bearerToken)
                .call(encounter -> requireBudget(encounter.departmentId(), now))
                .flatMap(encounter -> patients.identifiers(encounter.patientId(), bearerToken)
                        .flatMap(identifiers -> Panache.withTransaction(() -> {
                            ScribeJob job = ScribeJob.queue(TimeOrderedIds.next(), encounter.id(),
                                    encounter.patientId(), encounter.departmentId(), caller.username(),
                                    subject(caller), JobJson.transcript(transcript), JobJson.identifiers(identifiers),
                                    now);
                            return jobs.persist(job).call(() -> events.record(job)).replaceWith(job);
                        })))
                .invoke(job -> Log.infof("scribe job %s queued for encounter %s (%d segments)", job.id(),
                        job.encounterId(), transcript.segments().size()));
    }

    /** One job: for its requester, or a doctor who may read its encounter (asked of patient-service). */
    public Uni<ScribeJob> get(Caller caller, String bearerToken, UUID id) {
        return Panache.withSession(() -> jobs.findById(id))
                .flatMap(job -> readable(caller, bearerToken, job));
    }

    /** The encounter's jobs, newest first, for a doctor who may read the encounter. */
    public Uni<List<ScribeJob>> ofEncounter(String bearerToken, UUID encounterId) {
        return patients.encounter(encounterId, bearerToken)
                .flatMap(encounter -> Panache.withSession(() -> jobs.ofEncounter(encounterId, LIST_LIMIT)));
    }

    /** The patient's jobs, newest first, for a doctor who may read the patient's record. */
    public Uni<List<ScribeJob>> ofPatient(String bearerToken, UUID patientId) {
        return patients.identifiers(patientId, bearerToken)
                .flatMap(ignored -> Panache.withSession(() -> jobs.ofPatient(patientId, LIST_LIMIT)));
    }

    /**
     * Cancels a queued or running job (a running job's result is discarded when it arrives); 409 when it ended.
     * Announces {@code scribe-job.cancelled}.
     */
    public Uni<ScribeJob> cancel(Caller caller, String bearerToken, UUID id) {
        return get(caller, bearerToken, id)
                .flatMap(readable -> Panache.withTransaction(() -> jobs.lock(id).flatMap(job -> {
                    if (!job.cancel(clock.instant())) {
                        throw new ProblemException(AiProblem.JOB_ENDED,
                                "The job is " + job.state().code() + "; only queued or running jobs can be cancelled.");
                    }
                    return events.record(job).replaceWith(job);
                })))
                .invoke(job -> Log.infof("scribe job %s cancelled", job.id()));
    }

    private Uni<ScribeJob> readable(Caller caller, String bearerToken, ScribeJob job) {
        if (job == null) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_FOUND, "No scribe job with this id."));
        }
        if (job.requestedById().equals(subject(caller))) {
            return Uni.createFrom().item(job);
        }
        return patients.encounter(job.encounterId(), bearerToken).replaceWith(job);
    }

    /** 429 with Retry-After (until the department's midnight) when the department spent its tokens for today. */
    private Uni<Void> requireBudget(UUID departmentId, Instant now) {
        long limit = budgetConfig.dailyTokensPerDepartment();
        if (limit <= 0) {
            return Uni.createFrom().voidItem();
        }
        ZoneId zone = ZoneId.of(budgetConfig.timeZone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        return Panache.withSession(() -> budget.used(departmentId, today)).map(used -> {
            if (used >= limit) {
                ZonedDateTime midnight = today.plusDays(1).atStartOfDay(zone);
                Duration wait = Duration.between(now, midnight.toInstant());
                throw new ProblemException(AiProblem.TOKEN_BUDGET_SPENT,
                        "Your department has used today's AI budget. New scribe jobs are accepted again after midnight.",
                        null, Map.of("retryAt", midnight.toInstant().toString()),
                        Map.of("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
            }
            return null;
        });
    }

    /** The transcript of a submission, checked: 400 for an empty one or both forms, 413 above the size limit. */
    Transcript transcript(Submission submission) {
        boolean hasText = submission.text() != null;
        boolean hasSegments = submission.segments() != null;
        if (hasText == hasSegments) {
            throw new ProblemException(ProblemType.VALIDATION, hasText
                    ? "Send the transcript either as text or as segments, not both."
                    : "The transcript is missing: send it as text (\"transcript\") or as segments (\"segments\").");
        }
        long bytes = hasText ? utf8Length(submission.text())
                : submission.segments().stream().mapToLong(s -> utf8Length(s.text()) + utf8Length(s.speaker())).sum();
        long max = config.maxTranscriptSize().asLongValue();
        if (bytes > max) {
            throw new ProblemException(AiProblem.TRANSCRIPT_TOO_LARGE, "The transcript is " + kib(bytes)
                    + " KiB; at most " + kib(max) + " KiB is accepted. Split the consultation into parts.");
        }
        if (hasSegments && submission.segments().isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The transcript has no segments.");
        }
        if (hasSegments && submission.segments().size() > config.maxSegments()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "The transcript has more than " + config.maxSegments() + " segments.");
        }
        try {
            Transcript transcript = hasText ? TranscriptParser.parse(submission.text())
                    : TranscriptParser.fromSegments(submission.segments().stream()
                            .map(s -> TranscriptParser.RawSegment.of(s.speaker(), s.text(), s.start())).toList());
            if (transcript.segments().isEmpty()) {
                throw new IllegalArgumentException("The transcript is empty.");
            }
            return transcript;
        } catch (IllegalArgumentException e) {
            // the parser's messages are written for the user and never quote the transcript
            throw new ProblemException(ProblemType.VALIDATION,
                    e.getMessage() == null ? "The transcript could not be read." : e.getMessage());
        }
    }

    private static String subject(Caller caller) {
        return caller.subject() != null ? caller.subject() : caller.username();
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}

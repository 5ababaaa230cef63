package dev.medi.ai.rest;

import dev.medi.ai.job.ScribeJob;
import dev.medi.ai.service.JobJson;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scribe job as the API shows it. {@code transcript} (the parsed segments, which the draft's sentences cite) and
 * {@code draft} (once succeeded: every sentence with its section, citations and check result) are in the single view
 * only, not in lists.
 *
 * @param state          {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code cancelled}
 * @param fallbackReason set when the configured engine failed and the offline engine answered
 * @param failureReason  why it failed, in words (no patient data)
 * @param noteId         the draft note in patient-service, once succeeded
 */
public record ScribeJobView(UUID id, UUID encounterId, UUID patientId, UUID departmentId, String requestedBy,
                            String state, String engine, String model, String promptVersion, String fallbackReason,
                            int inputTokens, int outputTokens, Instant createdAt, Instant startedAt,
                            Instant finishedAt, String failureReason, UUID noteId, Integer unsupportedSentences,
                            List<Segment> transcript, List<Sentence> draft) {

    /** A transcript segment; {@code startSeconds} null when the transcript has no times. */
    public record Segment(String id, String speaker, String text, Double startSeconds) {
    }

    /** A drafted sentence after the faithfulness check; unsupported ones are kept and flagged. */
    public record Sentence(String section, String text, List<String> citedSegmentIds, boolean supported,
                           double similarity, List<String> problems) {
    }

    /** A list of jobs, newest first (without transcripts and drafts). */
    public record Page(List<ScribeJobView> items) {
    }

    /** The job with its transcript and draft. */
    public static ScribeJobView of(ScribeJob job) {
        List<Sentence> draft = JobJson.sentences(job.draftJson()).stream().map(s -> new Sentence(s.section(), s.text(),
                s.citedSegmentIds(), s.supported(), s.similarity(), s.problems())).toList();
        List<Segment> transcript = JobJson.segments(job.transcriptJson()).stream()
                .map(s -> new Segment(s.id(), s.speaker(), s.text(), s.startSeconds())).toList();
        return view(job, transcript, job.draftJson() == null ? null : draft);
    }

    /** The job in a list: without transcript and draft. */
    public static ScribeJobView summary(ScribeJob job) {
        return view(job, null, null);
    }

    private static ScribeJobView view(ScribeJob job, List<Segment> transcript, List<Sentence> draft) {
        Integer unsupported = job.draftJson() == null ? null
                : (int) JobJson.sentences(job.draftJson()).stream().filter(s -> !s.supported()).count();
        return new ScribeJobView(job.id(), job.encounterId(), job.patientId(), job.departmentId(), job.requestedBy(),
                job.state().code(), job.engine(), job.model(), job.promptVersion(), job.fallbackReason(),
                job.inputTokens(), job.outputTokens(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.failureReason(), job.noteId(), unsupported, transcript, draft);
    }
}

package dev.medi.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of the scribe job events on {@link Topics#AI_EVENTS} ({@link ScribeJobEvents}; JSON Schema
 * {@code schemas/medi.ai.events.v1.json}). Every state change of a job carries the job's identifiers, state, engine and
 * timings; only {@code succeeded} carries the checked draft ({@code draft}), which patient-service turns into a draft
 * note with AI provenance (ADR 0019). The draft is clinical text: the topic is read by patient-service only, and no
 * consumer logs its payload.
 *
 * @param jobId          the job (Kafka key and CloudEvent subject: a job's events stay in order)
 * @param encounterId    the encounter the transcript belongs to
 * @param patientId      its patient
 * @param departmentId   the encounter's department (the token budget is per department)
 * @param requestedBy    user name of the requesting doctor: the author of the draft note and its expected signer
 * @param requestedById  the requesting doctor's user id (token subject)
 * @param state          {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code cancelled}
 * @param engine         {@code offline} or {@code gemini}, once known
 * @param model          the model behind the engine, once known
 * @param promptVersion  the scribe prompt's version, once known
 * @param fallbackReason why the configured engine was not used (the offline engine answered), or {@code null}
 * @param inputTokens    tokens sent to the model
 * @param outputTokens   tokens received from it
 * @param createdAt      when the job was accepted
 * @param startedAt      when a worker began it (last attempt)
 * @param finishedAt     when it ended
 * @param failureReason  why it failed, in words without patient data; {@code null} unless failed
 * @param noteId         the id the draft note gets in patient-service ({@code succeeded} only)
 * @param draft          the checked draft ({@code succeeded} only)
 */
public record ScribeJobEventData(UUID jobId, UUID encounterId, UUID patientId, UUID departmentId, String requestedBy,
                                 String requestedById, String state, String engine, String model, String promptVersion,
                                 String fallbackReason, int inputTokens, int outputTokens, Instant createdAt,
                                 Instant startedAt, Instant finishedAt, String failureReason, UUID noteId,
                                 Draft draft) {

    /**
     * A checked SOAP draft: the section texts as the note shows them, and every sentence with its evidence.
     *
     * @param subjective the sentences of the section, joined
     * @param sentences  every sentence, in order, with the transcript segments it cites
     */
    public record Draft(String subjective, String objective, String assessment, String plan,
                        List<Sentence> sentences) {
    }

    /**
     * One drafted sentence after the faithfulness check.
     *
     * @param section    {@code subjective}, {@code objective}, {@code assessment} or {@code plan}
     * @param segmentIds the transcript segments it cites
     * @param spans      those segments (speaker, time, text), so a reader sees the evidence without the transcript
     * @param supported  false when a check failed: the sentence is kept and flagged for the doctor
     * @param similarity embedding similarity to the cited text (0 when nothing valid is cited)
     * @param problems   what failed, in words for the doctor
     */
    public record Sentence(String section, String text, List<String> segmentIds, List<Span> spans, boolean supported,
                           double similarity, List<String> problems) {
    }

    /**
     * A cited transcript segment.
     *
     * @param startSeconds offset into the recording, or {@code null} for a transcript without times
     */
    public record Span(String segmentId, String speaker, Double startSeconds, String text) {
    }
}

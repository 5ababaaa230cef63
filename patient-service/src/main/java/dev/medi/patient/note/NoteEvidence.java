package dev.medi.patient.note;

import java.util.List;

/**
 * The evidence of one sentence of an AI draft: the transcript segments it cites and what the faithfulness check made
 * of it. A sentence the check did not support is kept and flagged ({@code supported} false, {@code problems} saying
 * why), for the doctor to correct before signing.
 *
 * @param section    {@code subjective}, {@code objective}, {@code assessment} or {@code plan}
 * @param similarity embedding similarity of the sentence to its cited text
 */
public record NoteEvidence(String section, String text, List<String> segmentIds, List<Span> spans, boolean supported,
                           double similarity, List<String> problems) {

    public NoteEvidence {
        segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        spans = spans == null ? List.of() : List.copyOf(spans);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /**
     * A cited transcript segment: who said it, when (seconds into the recording, or {@code null}) and what.
     */
    public record Span(String segmentId, String speaker, Double startSeconds, String text) {
    }
}

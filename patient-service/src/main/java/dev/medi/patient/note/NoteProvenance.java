package dev.medi.patient.note;

import java.util.List;

/**
 * Where a note's text came from. AI drafts (the scribe of ai-service, from a consultation transcript) name the
 * model and prompt version, which stay with the note after signing: a reader of a signed note always sees that
 * a clinician approved an AI draft rather than wrote it (architecture brief: AI output is always a draft,
 * labelled with model and prompt version). Drafts of ai-service's scribe jobs also name the engine, the fallback
 * (why the configured engine was not used, or {@code null}) and the evidence of every sentence; drafts posted through
 * the API leave these null.
 *
 * @param sourceTranscriptId the scribe job's id (its transcript), for drafts of ai-service
 */
public record NoteProvenance(boolean aiGenerated, String model, String promptVersion, String sourceTranscriptId,
                             String engine, String fallbackReason, List<NoteEvidence> evidence) {

    public static final NoteProvenance CLINICIAN = new NoteProvenance(false, null, null, null);

    /** Model, prompt version and source only (an AI draft posted through the API, or a clinician's note). */
    public NoteProvenance(boolean aiGenerated, String model, String promptVersion, String sourceTranscriptId) {
        this(aiGenerated, model, promptVersion, sourceTranscriptId, null, null, null);
    }

    public NoteProvenance {
        if (aiGenerated && (blank(model) || blank(promptVersion))) {
            throw new IllegalArgumentException("an AI draft names its model and prompt version");
        }
        if (!aiGenerated && (!blank(model) || !blank(promptVersion) || !blank(sourceTranscriptId) || !blank(engine)
                || !blank(fallbackReason) || evidence != null)) {
            throw new IllegalArgumentException("model, prompt version, transcript, engine and evidence belong to AI drafts");
        }
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    /** How many sentences the faithfulness check did not support (0 without evidence). */
    public long unsupportedSentences() {
        return evidence == null ? 0 : evidence.stream().filter(e -> !e.supported()).count();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

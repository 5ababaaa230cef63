package dev.medi.patient.note;

/**
 * Where a note's text came from. AI drafts (the scribe of ai-service, from a consultation transcript) name the
 * model and prompt version, which stay with the note after signing: a reader of a signed note always sees that
 * a clinician approved an AI draft rather than wrote it (architecture brief: AI output is always a draft,
 * labelled with model and prompt version).
 */
public record NoteProvenance(boolean aiGenerated, String model, String promptVersion, String sourceTranscriptId) {

    public static final NoteProvenance CLINICIAN = new NoteProvenance(false, null, null, null);

    public NoteProvenance {
        if (aiGenerated && (blank(model) || blank(promptVersion))) {
            throw new IllegalArgumentException("an AI draft names its model and prompt version");
        }
        if (!aiGenerated && (!blank(model) || !blank(promptVersion) || !blank(sourceTranscriptId))) {
            throw new IllegalArgumentException("model, prompt version and transcript belong to AI drafts");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

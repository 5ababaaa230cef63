package dev.medi.ai.engine;

import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageQuestion;

/**
 * A model that drafts clinical text. Every input it receives is already redacted (no names, identifiers, exact
 * dates): engines never see patient data, whether they run in the clinic ({@code offline}) or in the cloud
 * ({@code gemini}). What they answer is checked afterwards, whatever the engine (the faithfulness check).
 */
public interface AiEngine {

    /** "offline" or "gemini": recorded with every output. */
    String name();

    /** The model behind the engine, recorded with every output. */
    String model();

    /** A SOAP draft from a (redacted) transcript: every sentence cites the segments it rests on. */
    ScribeDraft draftNote(Transcript transcript);

    /** A suggested ESI level for a (redacted) chief complaint and what is known of the patient. */
    TriageAdvice adviseTriage(TriageQuestion question);
}

package dev.medi.ai.scribe;

import dev.medi.ai.engine.AiEngine;

/** Drafts a SOAP note from a (redacted) transcript: every sentence cites the segments it rests on. */
public interface ScribeEngine extends AiEngine {

    ScribeDraft draftNote(Transcript transcript);
}

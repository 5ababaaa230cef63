package dev.medi.ai.scribe;

/**
 * Checks every drafted sentence against the transcript, whatever the engine: the cited segments exist, the sentence
 * is semantically supported by them, its numbers, units, doses and drug names occur in them, and negations
 * survive. Unsupported sentences are kept and flagged, never dropped.
 */
public interface FaithfulnessCheck {

    CheckedDraft check(Transcript transcript, ScribeDraft draft);
}

package dev.medi.ai.scribe;

import java.time.Duration;

/**
 * One turn of a consultation transcript: who spoke and what they said. {@code id} ("s1", "s2", …) is what a draft's
 * sentences cite; {@code start} is the offset into the recording when the transcript has times, else null.
 */
public record TranscriptSegment(String id, String speaker, String text, Duration start) {
}

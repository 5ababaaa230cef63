package dev.medi.ai.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * A consultation transcript to draft a note from: either {@code transcript}, plain text with a speaker label
 * starting each turn ("Doctor: …", "Patient: …", optionally "[00:01:23]" before it), or {@code segments} as a
 * speech-to-text service returns them — not both. Unknown fields are refused (400).
 */
public record ScribeJobRequest(@NotNull UUID encounterId, String transcript, List<@Valid @NotNull Segment> segments) {

    /**
     * One speaker turn.
     *
     * @param start offset into the recording: "00:01:23", "1:23", seconds ("83.5") or ISO-8601 ("PT1M23S"); optional
     */
    public record Segment(String speaker, String text, String start) {
    }
}

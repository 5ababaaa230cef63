package dev.medi.ai.scribe;

import java.util.List;
import java.util.Optional;

/** A consultation transcript as segments with stable ids; the evidence of a draft points into it. */
public record Transcript(List<TranscriptSegment> segments) {

    public Transcript {
        segments = List.copyOf(segments);
    }

    public Optional<TranscriptSegment> segment(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}

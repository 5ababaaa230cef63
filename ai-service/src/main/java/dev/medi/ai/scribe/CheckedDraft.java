package dev.medi.ai.scribe;

import dev.medi.ai.engine.EngineInfo;
import java.util.List;

/** A draft after the faithfulness check: every sentence kept, the unsupported ones flagged. */
public record CheckedDraft(List<CheckedSentence> sentences, EngineInfo engine) {

    public CheckedDraft {
        sentences = List.copyOf(sentences);
    }

    public long unsupportedCount() {
        return sentences.stream().filter(s -> !s.supported()).count();
    }
}

package dev.medi.ai.scribe;

import dev.medi.ai.engine.EngineInfo;
import java.util.List;

/** What an engine drafted from a transcript, before the faithfulness check: sentences with their citations. */
public record ScribeDraft(List<DraftSentence> sentences, EngineInfo engine) {

    public ScribeDraft {
        sentences = List.copyOf(sentences);
    }
}

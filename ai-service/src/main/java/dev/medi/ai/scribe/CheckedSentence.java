package dev.medi.ai.scribe;

import java.util.List;

/**
 * A drafted sentence after the faithfulness check. {@code supported} is false when any check failed; {@code problems}
 * says which, in words for the doctor (e.g. "the dose 50 mg is not in the cited transcript"). {@code similarity} is
 * the embedding similarity of the sentence to its cited text (0 when nothing valid is cited).
 */
public record CheckedSentence(SoapSection section, String text, List<String> citedSegmentIds, boolean supported,
                              double similarity, List<String> problems) {

    public CheckedSentence {
        citedSegmentIds = List.copyOf(citedSegmentIds);
        problems = List.copyOf(problems);
    }
}

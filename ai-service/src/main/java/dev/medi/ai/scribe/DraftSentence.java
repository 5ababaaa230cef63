package dev.medi.ai.scribe;

import java.util.List;

/** A sentence of a drafted note, in its SOAP section, with the transcript segments it rests on. */
public record DraftSentence(SoapSection section, String text, List<String> citedSegmentIds) {

    public DraftSentence {
        citedSegmentIds = List.copyOf(citedSegmentIds);
    }
}

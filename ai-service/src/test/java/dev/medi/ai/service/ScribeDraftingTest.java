package dev.medi.ai.service;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.redaction.PhiRedactor;
import dev.medi.ai.scribe.CheckedDraft;
import dev.medi.ai.scribe.CheckedSentence;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptParser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drafting pipeline without Quarkus: what the engine receives holds none of the patient's identifiers nor the
 * speakers' names, the segments keep their ids and times, and the sentences the doctor gets have them restored.
 */
class ScribeDraftingTest {

    static final String TRANSCRIPT = """
            [00:00:03] Dr Novak: Good morning Mr Jensen. Can you confirm your date of birth?
            [00:00:09] Erik Jensen: 14 March 1961. My number is 0151 2345 6789 and I live at 12 Harbour Road.
            [00:00:20] Dr Novak: Your record number is 1000000416. What brings you in?
            [00:00:25] Erik Jensen: A cough for five days, and a fever of 38.5 degrees.
            """;

    /** Records the transcript it is given; drafts one sentence citing each segment, echoing its placeholders. */
    static final class RecordingEngine implements ScribeEngine {
        final AtomicReference<Transcript> received = new AtomicReference<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String model() {
            return "echo-1";
        }

        @Override
        public ScribeDraft draftNote(Transcript transcript) {
            received.set(transcript);
            List<DraftSentence> sentences = new ArrayList<>();
            transcript.segments().forEach(s -> sentences.add(
                    new DraftSentence(SoapSection.SUBJECTIVE, s.text(), List.of(s.id()))));
            return new ScribeDraft(sentences, EngineInfo.of(name(), model()));
        }
    }

    @Test
    void theEngineSeesPlaceholdersOnlyAndTheDoctorReadsTheOriginals() {
        Transcript transcript = TranscriptParser.parse(TRANSCRIPT);
        PatientIdentifiers identifiers = new PatientIdentifiers(List.of("Erik", "Jensen", "Erik Jensen"), "1000000416",
                LocalDate.of(1961, 3, 14), List.of("0151 2345 6789"), List.of("erik@example.org"),
                List.of("12 Harbour Road", "Kiel"), List.of());
        RecordingEngine engine = new RecordingEngine();
        AtomicReference<Transcript> checkedAgainst = new AtomicReference<>();
        ScribeDrafting drafting = new ScribeDrafting(engine, new PhiRedactor(), (original, draft) -> {
            checkedAgainst.set(original);
            return new CheckedDraft(draft.sentences().stream().map(s -> new CheckedSentence(s.section(), s.text(),
                    s.citedSegmentIds(), true, 1.0, List.of())).toList(), draft.engine());
        });

        ScribeDrafting.Result result = drafting.draft(JobJson.transcript(transcript), JobJson.identifiers(identifiers));

        Transcript sent = engine.received.get();
        assertEquals(transcript.segments().size(), sent.segments().size());
        String everything = sent.segments().stream().map(s -> s.speaker() + " " + s.text()).reduce("", String::concat);
        for (String identifier : List.of("Jensen", "Erik", "Novak", "0151 2345 6789", "1000000416", "Harbour Road",
                "14 March 1961")) {
            assertFalse(everything.contains(identifier), "the engine received " + identifier);
        }
        assertEquals(transcript.segments().get(1).id(), sent.segments().get(1).id());
        assertEquals(transcript.segments().get(1).start(), sent.segments().get(1).start());
        assertTrue(everything.contains("38.5"), "clinical content reaches the engine");

        // the check compares with the original transcript, and the stored draft reads as it was said
        assertEquals(transcript, checkedAgainst.get());
        List<JobJson.Sentence> stored = JobJson.sentences(result.draftJson());
        assertTrue(stored.get(2).text().contains("1000000416"), stored.get(2).text());
        assertTrue(stored.get(1).text().contains("0151 2345 6789"));
        assertEquals("recording", result.engine().engine());
    }
}

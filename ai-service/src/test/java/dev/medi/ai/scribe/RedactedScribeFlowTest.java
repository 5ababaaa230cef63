package dev.medi.ai.scribe;

import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.redaction.PhiRedactor;
import dev.medi.ai.redaction.Redaction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces together: redact, parse, draft, check, restore — the engine never sees an identifier. */
class RedactedScribeFlowTest {

    private static final String TRANSCRIPT = """
            Dr Okafor: Good morning Mrs Berg. Your MRN is 1000 0000 64, correct?
            Anna Berg: Yes. I've had a cough since 2 March 2026 and my son Jonas says I sound wheezy.
            Dr Okafor: Any fever?
            Anna Berg: No.
            Dr Okafor: I can hear a wheeze on both sides. Your sats are 95%.
            Dr Okafor: I think this is an asthma flare. I'll prescribe prednisolone 40 mg once daily for 5 days. Come back on 12 March 2026.
            """;

    @Test
    void theDraftIsMadeFromRedactedTextAndRestoredForTheClinician() {
        PhiRedactor redactor = new PhiRedactor();
        PatientIdentifiers ids = new PatientIdentifiers(List.of("Anna Berg", "Jonas Berg", "Dr Okafor"), "1000000064",
                LocalDate.of(1950, 1, 1), null, null, null, null);
        Redaction r = redactor.redact(TRANSCRIPT, ids, 11);
        for (String identifier : List.of("Okafor", "Berg", "Anna", "Jonas", "1000 0000 64", "2 March 2026", "12 March 2026")) {
            assertFalse(r.text().contains(identifier), identifier + " reached the engine: " + r.text());
        }
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        Transcript transcript = TranscriptParser.parse(r.text());
        ScribeDraft draft = new OfflineScribeEngine(embeddings).draftNote(transcript);
        CheckedDraft checked = new EmbeddingFaithfulnessCheck(embeddings, DrugLexicon.standard(),
                EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY).check(transcript, draft);
        assertEquals(0, checked.unsupportedCount(), checked.sentences().toString());

        List<String> restored = checked.sentences().stream().map(s -> redactor.restore(s.text(), r)).toList();
        assertTrue(restored.stream().anyMatch(s -> s.contains("since 2 March 2026") && s.contains("Jonas")), restored.toString());
        assertTrue(restored.stream().anyMatch(s -> s.contains("Come back on 12 March 2026")), restored.toString());
        assertTrue(restored.stream().anyMatch(s -> s.equals("Patient denies fever.")), restored.toString());
        assertTrue(restored.stream().anyMatch(s -> s.contains("prednisolone 40 mg once daily for 5 days")), restored.toString());
        assertTrue(restored.stream().noneMatch(s -> s.contains("[NAME_") || s.contains("[MRN_")), restored.toString());
    }
}

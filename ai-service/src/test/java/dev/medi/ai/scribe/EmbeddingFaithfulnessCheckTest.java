package dev.medi.ai.scribe;

import dev.medi.ai.engine.EngineInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingFaithfulnessCheckTest {

    private static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();
    private final EmbeddingFaithfulnessCheck check = new EmbeddingFaithfulnessCheck(EMBEDDINGS, DrugLexicon.standard(),
            EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY);

    private static final Transcript TRANSCRIPT = TranscriptParser.parse("""
            Doctor: What brings you in today?
            Patient: I've had a cough for five days and I feel hot at night. I deny any chest pain though.
            Doctor: Any shortness of breath?
            Patient: No.
            Doctor: Do you take any regular medicines?
            Patient: Just my inhaler, salbutamol, two puffs when I need it.
            Doctor: Your temperature is 38.2 and your oxygen saturation is 97 percent. There's no wheeze, without any crackles.
            Doctor: I think this is a chest infection. I'll prescribe amoxicillin 500 mg three times a day for five days.
            Patient: I'm not short of breath, I've got no fever in the day, and I haven't been vomiting.
            """);

    private CheckedSentence one(String text, String... cited) {
        ScribeDraft draft = new ScribeDraft(List.of(new DraftSentence(SoapSection.SUBJECTIVE, text, List.of(cited))),
                EngineInfo.of("test", "test"));
        CheckedDraft checked = check.check(TRANSCRIPT, draft);
        assertEquals(1, checked.sentences().size(), "sentences are never dropped");
        return checked.sentences().get(0);
    }

    private static void assertFlagged(CheckedSentence s, String problemFragment) {
        assertFalse(s.supported(), s.text() + " should be flagged");
        assertTrue(s.problems().stream().anyMatch(p -> p.contains(problemFragment)),
                "expected a problem containing '" + problemFragment + "', got " + s.problems());
    }

    private static void assertSupported(CheckedSentence s) {
        assertTrue(s.supported(), s.text() + " should pass: " + s.problems() + " sim " + s.similarity());
        assertTrue(s.problems().isEmpty());
    }

    // ---------------------------------------------------------------- citations

    @Test
    void aSentenceWithoutCitationsIsFlagged() {
        CheckedSentence s = one("Patient reports a cough for five days.");
        assertFlagged(s, "cites no transcript segment");
        assertEquals(0.0, s.similarity());
    }

    @Test
    void aCitationOfAMissingSegmentIsFlagged() {
        assertFlagged(one("Patient reports a cough for five days.", "s2", "s99"), "s99, which does not exist");
    }

    // ---------------------------------------------------------------- similarity

    @Test
    void aFaithfulParaphrasePasses() {
        CheckedSentence s = one("Patient reports a cough for five days and feeling hot at night.", "s2");
        assertSupported(s);
        assertTrue(s.similarity() >= EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY);
    }

    @Test
    void aSentenceTheCitedTextDoesNotSayIsFlagged() {
        CheckedSentence s = one("Patient has a painful swollen knee after a fall.", "s7");
        assertFlagged(s, "does not say this");
        assertTrue(s.similarity() < EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY);
    }

    // ---------------------------------------------------------------- numbers, doses, drugs

    @Test
    void aChangedDoseIsFlagged() {
        assertSupported(one("Prescribe amoxicillin 500 mg three times a day for five days.", "s8"));
        assertFlagged(one("Prescribe amoxicillin 250 mg three times a day for five days.", "s8"), "250 mg");
    }

    @Test
    void aChangedFrequencyIsFlagged() {
        assertFlagged(one("Prescribe amoxicillin 500 mg twice daily for five days.", "s8"), "twice daily");
    }

    @Test
    void changedNumbersAndUnitsAreFlagged() {
        assertSupported(one("Temperature 38.2 °C, oxygen saturation 97%.", "s7"));
        assertFlagged(one("Temperature 39.2 °C, oxygen saturation 97%.", "s7"), "39.2");
        assertFlagged(one("Patient reports a cough for 5 weeks.", "s2"), "5 weeks");
        assertSupported(one("Patient reports a cough for 5 days.", "s2"));
        assertFlagged(one("Salbutamol 2 mg as needed.", "s6"), "2 mg");
    }

    @Test
    void aDrugNeverMentionedIsFlagged() {
        assertFlagged(one("Prescribe amoxicillin 500 mg three times a day for five days and azithromycin.", "s8"),
                "azithromycin is not mentioned");
        assertFlagged(one("Patient uses a Symbicort inhaler, two puffs as needed.", "s6"), "symbicort");
    }

    @Test
    void aBrandNameForTheSameDrugPasses() {
        assertSupported(one("Patient uses Ventolin, two puffs as needed.", "s6"));
    }

    // ---------------------------------------------------------------- negations

    @Test
    void aDeniedSymptomStatedWithoutTheNegationIsFlagged() {
        assertSupported(one("Patient denies chest pain.", "s2"));
        assertFlagged(one("Patient reports chest pain.", "s2"), "negates chest, pain");
    }

    @Test
    void aQuestionAnsweredNoIsANegation() {
        assertSupported(one("Patient denies shortness of breath.", "s3", "s4"));
        assertFlagged(one("Patient reports shortness of breath.", "s3", "s4"), "negates");
    }

    @Test
    void aQuotedQuestionAndAnswerMustKeepTheAnswer() {
        assertSupported(one("When asked \"Any shortness of breath?\", patient answers \"No.\"", "s3", "s4"));
        assertFlagged(one("When asked \"Any shortness of breath?\", patient answers \"Yes.\"", "s3", "s4"),
                "without the negation");
    }

    @Test
    void notAndWithoutAreNegationsToo() {
        assertFlagged(one("Patient is short of breath and has been vomiting.", "s9"), "without the negation");
        assertFlagged(one("Crackles heard on auscultation.", "s7"), "without the negation");
        assertSupported(one("No wheeze or crackles.", "s7"));
    }

    @Test
    void standardNegativePhrasesPass() {
        Transcript t = TranscriptParser.parse("Doctor: Are you allergic to any medicines?\nPatient: No.\n");
        CheckedDraft c = check.check(t, new ScribeDraft(List.of(new DraftSentence(SoapSection.SUBJECTIVE,
                "No known drug allergies.", List.of("s1", "s2"))), EngineInfo.of("test", "test")));
        assertSupported(c.sentences().get(0));
    }

    @Test
    void aNegationTheTranscriptDoesNotHaveIsFlagged() {
        assertFlagged(one("Patient denies cough.", "s2"), "negates cough but the cited transcript states it");
        assertFlagged(one("Patient reports a cough for five days; denies headache.", "s2"), "does not mention");
    }

    @Test
    void unsupportedSentencesAreKeptAndCounted() {
        ScribeDraft draft = new ScribeDraft(List.of(
                new DraftSentence(SoapSection.SUBJECTIVE, "Patient denies chest pain.", List.of("s2")),
                new DraftSentence(SoapSection.PLAN, "Prescribe amoxicillin 250 mg.", List.of("s8")),
                new DraftSentence(SoapSection.PLAN, "Start ramipril 5 mg once daily.", List.of("s8"))),
                EngineInfo.of("test", "test"));
        CheckedDraft checked = check.check(TRANSCRIPT, draft);
        assertEquals(3, checked.sentences().size());
        assertEquals(2, checked.unsupportedCount());
        assertEquals(draft.engine(), checked.engine());
    }
}

package dev.medi.ai.scribe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineScribeEngineTest {

    private static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();
    private final OfflineScribeEngine engine = new OfflineScribeEngine(EMBEDDINGS);
    private final EmbeddingFaithfulnessCheck check = new EmbeddingFaithfulnessCheck(EMBEDDINGS, DrugLexicon.standard(),
            EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY);

    static final String CHEST_PAIN = """
            [00:00:01] Doctor: Good morning, please take a seat. What brings you in today?
            [00:00:05] Patient: Hi doctor. I've had chest pain for three days. It gets worse when I climb stairs.
            [00:00:15] Doctor: Any shortness of breath?
            [00:00:17] Patient: No.
            [00:00:19] Doctor: Do you have any fever?
            [00:00:21] Patient: Nope, not at all. But I've been coughing a lot
            and I feel tired.
            Doctor: Do you take any medicines?
            Patient: I take metformin 500 mg twice a day for my diabetes.
            Doctor: Okay. Let me have a look. Your blood pressure is 150/95 and your pulse is 88. Your chest is clear on auscultation.
            Doctor: I think this is most likely musculoskeletal chest pain.
            Doctor: I'm going to order an ECG and some blood tests. I'll prescribe ibuprofen 400 mg three times a day for five days. Come back in two weeks, or sooner if it gets worse.
            Patient: Thank you doctor.
            Doctor: Bye.
            """;

    /** Redacted speakers: who is the clinician comes from how they talk. */
    static final String SORE_THROAT = """
            [NAME_1]: Hello, come in. How can I help?
            [NAME_2]: Hi. My throat has been really sore for four days and it hurts to swallow. I've got a temperature too.
            [NAME_1]: Any cough?
            [NAME_2]: No, no cough.
            [NAME_1]: Are you allergic to any medicines?
            [NAME_2]: Yes, penicillin gives me a rash.
            [NAME_1]: Let me look. Your tonsils are swollen with white patches, and your temperature is 38.4. The neck glands are tender.
            [NAME_1]: This looks like bacterial tonsillitis. Because of the penicillin allergy I'll give you clarithromycin 500 mg twice daily for 5 days.
            [NAME_1]: Take paracetamol for the pain, and if you can't swallow fluids, come back straight away.
            [NAME_2]: Okay, thanks.
            """;

    private ScribeDraft draft(String transcript) {
        return engine.draftNote(TranscriptParser.parse(transcript));
    }

    private static DraftSentence containing(ScribeDraft d, String fragment) {
        return d.sentences().stream().filter(s -> s.text().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence with '" + fragment + "' in " + d.sentences()));
    }

    @Test
    void sortsSentencesIntoSoapSections() {
        ScribeDraft d = draft(CHEST_PAIN);
        assertEquals(SoapSection.SUBJECTIVE, containing(d, "chest pain for three days").section());
        assertEquals(SoapSection.SUBJECTIVE, containing(d, "metformin 500 mg twice a day").section());
        assertEquals(SoapSection.OBJECTIVE, containing(d, "150/95").section());
        assertEquals(SoapSection.OBJECTIVE, containing(d, "clear on auscultation").section());
        assertEquals(SoapSection.ASSESSMENT, containing(d, "musculoskeletal").section());
        assertEquals(SoapSection.PLAN, containing(d, "ECG").section());
        assertEquals(SoapSection.PLAN, containing(d, "ibuprofen 400 mg three times a day for five days").section());
        assertEquals(SoapSection.PLAN, containing(d, "two weeks").section());
        // sections in note order
        List<SoapSection> order = d.sentences().stream().map(DraftSentence::section).toList();
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void dropsSmallTalkAndBareAnswers() {
        ScribeDraft d = draft(CHEST_PAIN);
        for (String smallTalk : List.of("Good morning", "take a seat", "Thank you", "Bye", "Let me have a look", "Nope")) {
            assertTrue(d.sentences().stream().noneMatch(s -> s.text().contains(smallTalk)), smallTalk + " kept");
        }
        assertTrue(d.sentences().stream().noneMatch(s -> s.text().equals("No.")));
        assertTrue(OfflineScribeEngine.isSmallTalk("Okay, thanks."));
        assertFalse(OfflineScribeEngine.isSmallTalk("Okay, the cough is worse."));
    }

    @Test
    void questionsAnsweredNoBecomePertinentNegativesCitingBothTurns() {
        ScribeDraft d = draft(CHEST_PAIN);
        DraftSentence breath = containing(d, "denies shortness of breath");
        assertEquals(List.of("s3", "s4"), breath.citedSegmentIds());
        assertEquals(SoapSection.SUBJECTIVE, breath.section());
        assertEquals(List.of("s5", "s6"), containing(d, "denies fever").citedSegmentIds());
        ScribeDraft throat = draft(SORE_THROAT);
        assertEquals(1, throat.sentences().stream().filter(s -> s.text().toLowerCase().contains("cough")).count(),
                "'No, no cough.' is not repeated: " + throat.sentences());
    }

    @Test
    void shortAnswersKeepTheirQuestion() {
        Transcript t = TranscriptParser.parse("""
                Doctor: How long have you had the pain?
                Patient: About a week.
                Doctor: Is it worse when you lie flat?
                Patient: No.
                Doctor: Do you smoke?
                Patient: Yes.
                Doctor: How many a day?
                Patient: Ten, roughly.
                Doctor: Any cough?
                Patient: Yes.
                """);
        ScribeDraft d = engine.draftNote(t);
        DraftSentence week = containing(d, "About a week");
        assertEquals("When asked \"How long have you had the pain?\", patient answers \"About a week.\"", week.text());
        assertEquals(List.of("s1", "s2"), week.citedSegmentIds());
        assertEquals(List.of("s3", "s4"), containing(d, "lie flat").citedSegmentIds());
        assertEquals("When asked \"Do you smoke?\", patient answers \"Yes.\"", containing(d, "smoke").text());
        assertEquals("Patient reports cough.", containing(d, "cough").text());
        assertEquals(List.of("s9", "s10"), containing(d, "cough").citedSegmentIds());
        assertEquals(List.of("s7", "s8"), containing(d, "Ten, roughly").citedSegmentIds());
        assertEquals(0, check.check(t, d).unsupportedCount(), check.check(t, d).sentences().toString());
    }

    @Test
    void aCompanionSpeaksForThePatientAndANurseMeasures() {
        Transcript t = TranscriptParser.parse("""
                Nurse: Hi, I'm just going to do his observations first. Temperature is 38.9, heart rate 130, sats 97% on air.
                Doctor: Hello, what's been happening with him?
                Mother: He's had a fever since yesterday and he's not eating much. He was sick twice this morning.
                Doctor: Any rash?
                Mother: No rash.
                Doctor: His ears look red on the left and the throat is a bit inflamed. No neck stiffness.
                Doctor: I think he has a left ear infection. We'll give him paracetamol 120 mg every six hours and keep an eye on his fluids.
                Doctor: If he stops drinking or gets a rash, bring him straight back.
                """);
        ScribeDraft d = engine.draftNote(t);
        assertEquals(SoapSection.OBJECTIVE, containing(d, "38.9").section());
        assertEquals(SoapSection.SUBJECTIVE, containing(d, "fever since yesterday").section());
        assertEquals(List.of("s4", "s5"), containing(d, "denies rash").citedSegmentIds());
        assertEquals(SoapSection.OBJECTIVE, containing(d, "No neck stiffness").section());
        assertEquals("Impression: a left ear infection.", containing(d, "ear infection").text());
        assertEquals(SoapSection.ASSESSMENT, containing(d, "ear infection").section());
        assertEquals(SoapSection.PLAN, containing(d, "paracetamol 120 mg every six hours").section());
        assertEquals(SoapSection.PLAN, containing(d, "straight back").section());
        assertEquals(0, check.check(t, d).unsupportedCount(), check.check(t, d).sentences().toString());
    }

    @Test
    void aNoWithMoreToSayKeepsTheRest() {
        Transcript t = TranscriptParser.parse("""
                Doctor: Any chest pain?
                Patient: No, but my ankle is swollen.
                """);
        ScribeDraft d = engine.draftNote(t);
        assertEquals(List.of("Patient denies chest pain.", "Patient's ankle is swollen."),
                d.sentences().stream().map(DraftSentence::text).toList());
        assertEquals(0, check.check(t, d).unsupportedCount(), check.check(t, d).sentences().toString());
    }

    @Test
    void noteStyleKeepsNumbersDosesDrugsAndNegations() {
        ScribeDraft d = draft(CHEST_PAIN);
        assertEquals("Patient reports chest pain for three days.", containing(d, "chest pain for three").text());
        assertEquals("Prescribe ibuprofen 400 mg three times a day for five days.", containing(d, "ibuprofen").text());
        assertEquals("Blood pressure is 150/95 and pulse is 88.", containing(d, "150/95").text());
        assertEquals("Patient states they are not sleeping because of their cough.",
                OfflineScribeEngine.noteStyle("I'm not sleeping because of my cough", OfflineScribeEngine.Role.PATIENT,
                        SoapSection.SUBJECTIVE));
    }

    @Test
    void everySentenceCitesItsSegmentAndPassesTheFaithfulnessCheck() {
        for (String text : List.of(CHEST_PAIN, SORE_THROAT)) {
            Transcript t = TranscriptParser.parse(text);
            ScribeDraft d = engine.draftNote(t);
            assertTrue(d.sentences().size() >= 8, d.sentences().toString());
            Set<String> ids = t.segments().stream().map(TranscriptSegment::id).collect(Collectors.toSet());
            for (DraftSentence s : d.sentences()) {
                assertFalse(s.citedSegmentIds().isEmpty(), s.text());
                assertTrue(ids.containsAll(s.citedSegmentIds()), s.text());
            }
            CheckedDraft checked = check.check(t, d);
            assertEquals(0, checked.unsupportedCount(), checked.sentences().stream()
                    .filter(s -> !s.supported()).map(s -> s.text() + " " + s.problems()).toList().toString());
        }
    }

    @Test
    void theClinicianIsFoundWhenSpeakersAreRedacted() {
        ScribeDraft d = draft(SORE_THROAT);
        assertEquals(SoapSection.SUBJECTIVE, containing(d, "throat has been really sore").section());
        assertEquals(SoapSection.OBJECTIVE, containing(d, "38.4").section());
        assertEquals(SoapSection.ASSESSMENT, containing(d, "bacterial tonsillitis").section());
        assertEquals(SoapSection.PLAN, containing(d, "clarithromycin 500 mg twice daily for 5 days").section());
        assertEquals(SoapSection.SUBJECTIVE, containing(d, "penicillin gives").section());
    }

    @Test
    void isDeterministicAndRecordsEngineAndModel() {
        ScribeDraft a = draft(CHEST_PAIN);
        ScribeDraft b = draft(CHEST_PAIN);
        assertEquals(a, b);
        assertEquals("offline", a.engine().engine());
        assertEquals("medi-extractive-1 + all-minilm-l6-v2-q", a.engine().model());
        assertEquals(engine.model(), a.engine().model());
        assertEquals("offline", engine.name());
    }
}

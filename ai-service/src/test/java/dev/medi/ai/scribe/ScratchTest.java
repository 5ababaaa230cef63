package dev.medi.ai.scribe;

import org.junit.jupiter.api.Test;

class ScratchTest {
    static final String T = """
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

    @Test
    void show() {
        SentenceEmbeddings e = new SentenceEmbeddings();
        Transcript t = TranscriptParser.parse(T);
        t.segments().forEach(System.out::println);
        ScribeDraft d = new OfflineScribeEngine(e).draftNote(t);
        CheckedDraft c = new EmbeddingFaithfulnessCheck(e, DrugLexicon.standard(), 0.45).check(t, d);
        c.sentences().forEach(s -> System.out.printf("%-10s %.3f %s %s %s %s%n", s.section(), s.similarity(), s.supported(), s.text(), s.citedSegmentIds(), s.problems()));
    }
}

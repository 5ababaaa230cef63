package dev.medi.ai.scribe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calibration behind {@link EmbeddingFaithfulnessCheck#DEFAULT_MIN_SIMILARITY}: note sentences against the
 * transcript text they cite, once where the text supports them (verbatim, note-style rewordings, paraphrases) and
 * once where it does not (the sentence cites the wrong turn of the same consultation). The threshold must separate
 * the two; the figures are in the README.
 */
class SimilarityCalibrationTest {

    /** {sentence, cited text}: supported. */
    static final List<String[]> SUPPORTED = List.of(
            new String[] {"Patient reports chest pain for three days.", "I've had chest pain for three days."},
            new String[] {"Patient denies fever.", "Do you have any fever? No, none at all."},
            new String[] {"Patient denies shortness of breath.", "Any shortness of breath? No."},
            new String[] {"Blood pressure is 150/95 and pulse is 88.", "Your blood pressure is 150/95 and your pulse is 88."},
            new String[] {"Chest is clear on auscultation.", "Okay, let me listen. Your chest is clear on auscultation."},
            new String[] {"Most likely musculoskeletal chest pain.", "I think this is most likely musculoskeletal chest pain."},
            new String[] {"Prescribe ibuprofen 400 mg three times a day.", "I'll prescribe ibuprofen 400 mg three times a day for five days."},
            new String[] {"Come back in two weeks.", "Come back in two weeks, or sooner if it gets worse."},
            new String[] {"Patient takes metformin 500 mg twice a day.", "I take metformin 500 mg twice a day for my diabetes."},
            new String[] {"Sore throat for four days with painful swallowing.", "My throat has been sore for four days and it hurts to swallow."},
            new String[] {"Tonsils are enlarged with white exudate.", "Your tonsils are big and there's some white stuff on them."},
            new String[] {"Likely streptococcal tonsillitis.", "This looks like a bacterial tonsillitis, probably strep."},
            new String[] {"Start penicillin V 500 mg four times daily for 10 days.", "I'm going to start you on penicillin V, 500 mg four times a day for 10 days."},
            new String[] {"Headache worse in the mornings.", "The headaches are worst first thing in the morning."},
            new String[] {"Patient reports burning when passing urine.", "It burns when I pee and I'm going all the time."},
            new String[] {"Urine dipstick positive for nitrites.", "The urine dip shows nitrites and leucocytes."},
            new String[] {"Uncomplicated urinary tract infection.", "So it's a simple urine infection."},
            new String[] {"Refer to physiotherapy.", "I'll refer you to the physio for some exercises."},
            new String[] {"Ankle is swollen and tender over the lateral malleolus.", "There's swelling here and it's tender over the outer ankle bone."},
            new String[] {"Patient is a smoker, 10 cigarettes a day.", "I smoke about 10 cigarettes a day."},
            new String[] {"Blood tests ordered, including HbA1c.", "We'll do some bloods, including your HbA1c."},
            new String[] {"Wheeze heard bilaterally.", "I can hear a wheeze on both sides of your chest."},
            new String[] {"Asthma exacerbation.", "I think this is a flare-up of your asthma."},
            new String[] {"Two puffs of salbutamol as needed.", "Use the blue inhaler, salbutamol, two puffs when you need it."});

    /** {sentence, cited text}: the cited text is another turn and does not support the sentence. */
    static final List<String[]> UNSUPPORTED = List.of(
            new String[] {"Patient reports chest pain for three days.", "Your blood pressure is 150/95 and your pulse is 88."},
            new String[] {"Blood pressure is 150/95 and pulse is 88.", "I take metformin 500 mg twice a day for my diabetes."},
            new String[] {"Most likely musculoskeletal chest pain.", "Come back in two weeks, or sooner if it gets worse."},
            new String[] {"Prescribe ibuprofen 400 mg three times a day.", "My throat has been sore for four days and it hurts to swallow."},
            new String[] {"Tonsils are enlarged with white exudate.", "I'll refer you to the physio for some exercises."},
            new String[] {"Likely streptococcal tonsillitis.", "I smoke about 10 cigarettes a day."},
            new String[] {"Headache worse in the mornings.", "The urine dip shows nitrites and leucocytes."},
            new String[] {"Urine dipstick positive for nitrites.", "The headaches are worst first thing in the morning."},
            new String[] {"Refer to physiotherapy.", "It burns when I pee and I'm going all the time."},
            new String[] {"Ankle is swollen and tender over the lateral malleolus.", "We'll do some bloods, including your HbA1c."},
            new String[] {"Patient is a smoker, 10 cigarettes a day.", "Your tonsils are big and there's some white stuff on them."},
            new String[] {"Wheeze heard bilaterally.", "So it's a simple urine infection."},
            new String[] {"Asthma exacerbation.", "I'm going to start you on penicillin V, 500 mg four times a day for 10 days."},
            new String[] {"Two puffs of salbutamol as needed.", "There's swelling here and it's tender over the outer ankle bone."},
            new String[] {"Patient denies fever.", "I've had chest pain for three days."},
            new String[] {"Sore throat for four days with painful swallowing.", "I can hear a wheeze on both sides of your chest."},
            new String[] {"Uncomplicated urinary tract infection.", "I think this is a flare-up of your asthma."},
            new String[] {"Start penicillin V 500 mg four times daily for 10 days.", "Use the blue inhaler, salbutamol, two puffs when you need it."},
            new String[] {"Patient reports burning when passing urine.", "Okay, let me listen. Your chest is clear on auscultation."},
            new String[] {"Come back in two weeks.", "I think this is most likely musculoskeletal chest pain."});

    @Test
    void theDefaultThresholdSeparatesSupportedFromUnsupportedSentences() {
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        EmbeddingFaithfulnessCheck check = new EmbeddingFaithfulnessCheck(embeddings, DrugLexicon.standard(), 0);
        double minSupported = 1, maxUnsupported = 0, sumSupported = 0, sumUnsupported = 0;
        for (String[] pair : SUPPORTED) {
            double s = similarity(check, pair);
            minSupported = Math.min(minSupported, s);
            sumSupported += s;
            assertTrue(s >= EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY,
                    String.format(Locale.ROOT, "supported pair below the threshold (%.3f): %s", s, pair[0]));
        }
        for (String[] pair : UNSUPPORTED) {
            double s = similarity(check, pair);
            maxUnsupported = Math.max(maxUnsupported, s);
            sumUnsupported += s;
            assertTrue(s < EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY,
                    String.format(Locale.ROOT, "unsupported pair above the threshold (%.3f): %s", s, pair[0]));
        }
        System.out.printf(Locale.ROOT, "calibration: supported n=%d min %.3f mean %.3f; unsupported n=%d max %.3f mean %.3f%n",
                SUPPORTED.size(), minSupported, sumSupported / SUPPORTED.size(), UNSUPPORTED.size(), maxUnsupported,
                sumUnsupported / UNSUPPORTED.size());
    }

    private static double similarity(EmbeddingFaithfulnessCheck check, String[] pair) {
        Transcript t = TranscriptParser.fromSegments(List.of(new TranscriptParser.RawSegment("Doctor", pair[1], null)));
        return check.checkSentence(t, new DraftSentence(SoapSection.SUBJECTIVE, pair[0], List.of("s1"))).similarity();
    }
}

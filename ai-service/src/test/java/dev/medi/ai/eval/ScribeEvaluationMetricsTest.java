package dev.medi.ai.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.redaction.Redaction;
import dev.medi.ai.redaction.Redactor;
import dev.medi.ai.scribe.CheckedDraft;
import dev.medi.ai.scribe.CheckedSentence;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.FaithfulnessCheck;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptParser;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runner's arithmetic, with stand-in engines, checks and redactors whose right figures are known. */
class ScribeEvaluationMetricsTest {

    private final List<Consultation> set = EvaluationSet.load();

    /** Writes the reference note itself (it knows the answers). */
        /** Flags exactly the consultation's faulty sentences: a perfect check. */
    private final FaithfulnessCheck perfect = (transcript, draft) -> {
        Consultation c = of(transcript);
        return verdicts(draft, text -> c.faulty().stream().anyMatch(f -> f.text().equals(text)));
    };
    private final FaithfulnessCheck flagsNothing = check(text -> false);
    private final FaithfulnessCheck flagsEverything = check(text -> true);
    private final Redactor identity = redactor(Function.identity());

    @Test
    void theReferenceAsDraftScoresFullMarks() {
        EvaluationReport r = new ScribeEvaluation(engine(d -> null), perfect, identity, false).run(set);
        assertEquals(1.0, r.sectionAccuracy());
        assertEquals(1.0, r.evidenceCoverage());
        assertEquals(1.0, r.unsupportedDetectionRate());
        assertEquals(0.0, r.falseFlagRate());
        assertEquals(0.0, r.redactionRecall(), "nothing was redacted");
    }

    @Test
    void checksThatFlagNothingOrEverythingAreScoredAsSuch() {
        EvaluationReport none = new ScribeEvaluation(engine(d -> null), flagsNothing, identity, false).run(set);
        assertEquals(0.0, none.unsupportedDetectionRate());
        assertEquals(0.0, none.falseFlagRate());
        EvaluationReport all = new ScribeEvaluation(engine(d -> null), flagsEverything, identity, false).run(set);
        assertEquals(1.0, all.unsupportedDetectionRate());
        assertEquals(1.0, all.falseFlagRate());
        assertTrue(ScribeEvaluation.belowMinimums(all, EvaluationSet.minimums()).stream()
                .anyMatch(f -> f.startsWith(EvaluationReport.FALSE_FLAG_RATE)));
    }

    @Test
    void everythingInOneSectionScoresThatSectionsShareAndUncitedSentencesLoseCoverage() {
        ScribeEngine allSubjective = engine(s -> new DraftSentence(SoapSection.SUBJECTIVE, s.text(), List.of()));
        EvaluationReport r = new ScribeEvaluation(allSubjective, perfect, identity, false).run(set);
        long subjective = set.stream().flatMap(c -> c.reference().stream())
                .filter(s -> s.section() == SoapSection.SUBJECTIVE).count();
        long total = set.stream().mapToLong(c -> c.reference().size()).sum();
        // without citations the match rests on the words alone: the same sentences still match best
        assertEquals((double) subjective / total, r.sectionAccuracy(), 1e-9);
        assertEquals(0.0, r.evidenceCoverage());
    }

    @Test
    void aRedactorThatRemovesEverySeededStringHasFullRecall() {
        Redactor seededAway = redactor(text -> {
            String out = text;
            for (Consultation c : set) {
                for (Consultation.Seeded s : c.identifiers().seeded()) {
                    out = out.replace(s.text(), "[X]");
                }
            }
            return out;
        });
        EvaluationReport r = new ScribeEvaluation(engine(d -> null), perfect, seededAway, true).run(set);
        assertEquals(1.0, r.redactionRecall());
        assertEquals(1.0, r.sectionAccuracy(), "the oracle still drafts after redaction");
    }

    @Test
    void theMinimumsFileHasALimitForEveryFigureAndNoneIsZero() {
        Properties p = EvaluationSet.minimums();
        for (String figure : List.of(EvaluationReport.SECTION_ACCURACY, EvaluationReport.EVIDENCE_COVERAGE,
                EvaluationReport.UNSUPPORTED_DETECTION, EvaluationReport.REDACTION_RECALL)) {
            assertTrue(Double.parseDouble(p.getProperty("min." + figure)) > 0, figure);
        }
        double maxFalseFlags = Double.parseDouble(p.getProperty("max." + EvaluationReport.FALSE_FLAG_RATE));
        assertTrue(maxFalseFlags > 0 && maxFalseFlags < 1);
    }

    @Test
    void matchScoreUsesCitationsAndWords() {
        assertEquals(1.0, ScribeEvaluation.matchScore(List.of("s1"), "Aspirin 300 mg now", List.of("s1"),
                "aspirin 300 mg now"), 1e-9);
        assertEquals(0.0, ScribeEvaluation.matchScore(List.of("s1"), "Aspirin 300 mg", List.of("s2"),
                "Chest clear"), 1e-9);
        assertEquals(2, ScribeEvaluation.occurrences("Ana has anaphylaxis, Ana.", "Ana"));
    }

    /**
     * Drafts the reference note of the consultation it is given (the runner goes through the set in order, one call
     * each), each sentence passed through {@code rewrite} (null: unchanged).
     */
    private ScribeEngine engine(Function<DraftSentence, DraftSentence> rewrite) {
        AtomicInteger next = new AtomicInteger();
        return new ScribeEngine() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public String model() {
                return "reference";
            }

            @Override
            public ScribeDraft draftNote(Transcript transcript) {
                Consultation c = set.get(next.getAndIncrement() % set.size());
                assertEquals(TranscriptParser.parse(c.transcript()).segments().size(), transcript.segments().size());
                List<DraftSentence> out = c.reference().stream().map(Consultation.Sentence::asDraft)
                        .map(d -> {
                            DraftSentence r = rewrite.apply(d);
                            return r == null ? d : r;
                        }).toList();
                return new ScribeDraft(out, EngineInfo.of(name(), model()));
            }
        };
    }

    /** The consultation a (parsed, unredacted) transcript belongs to. */
    private Consultation of(Transcript transcript) {
        String first = transcript.segments().get(0).text();
        return set.stream().filter(c -> TranscriptParser.parse(c.transcript()).segments().get(0).text().equals(first))
                .findFirst().orElseThrow();
    }

    private static FaithfulnessCheck check(java.util.function.Predicate<String> flag) {
        return (transcript, draft) -> verdicts(draft, flag);
    }

    private static CheckedDraft verdicts(ScribeDraft draft, java.util.function.Predicate<String> flag) {
        return new CheckedDraft(draft.sentences().stream()
                .map(s -> new CheckedSentence(s.section(), s.text(), s.citedSegmentIds(), !flag.test(s.text()),
                        1.0, List.of()))
                .toList(), draft.engine());
    }

    private static Redactor redactor(Function<String, String> redact) {
        return new Redactor() {
            @Override
            public Redaction redact(String text, PatientIdentifiers identifiers, int shiftDays) {
                return new Redaction(redact.apply(text), Map.of(), shiftDays);
            }

            @Override
            public String restore(String answer, Redaction redaction) {
                return answer;
            }
        };
    }
}

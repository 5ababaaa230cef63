package dev.medi.ai.scribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The faithfulness check run on every draft, whatever the engine. A sentence is supported when
 * <ol>
 *   <li>it cites at least one segment and every cited segment exists;</li>
 *   <li>its MiniLM embedding is close enough to the cited text (cosine ≥ {@code medi.ai.faithfulness.min-similarity},
 *   best of the whole cited text, each cited segment and each cited sentence; calibration in the README);</li>
 *   <li>every number (with its unit), dose frequency and drug name it contains occurs in the cited text;</li>
 *   <li>negations survive: a term the cited text negates ("denies chest pain", or a question answered "no") is not
 *   stated un-negated, and a term the sentence negates is not one the cited text affirms or never mentions.</li>
 * </ol>
 * Unsupported sentences are kept, with {@code supported=false} and the problems in words for the doctor.
 */
@ApplicationScoped
public class EmbeddingFaithfulnessCheck implements FaithfulnessCheck {

    /** Calibrated in SimilarityCalibrationTest (README): supported pairs ≥ 0.589, pairs citing the wrong turn ≤ 0.328. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.45;

    private final SentenceEmbeddings embeddings;
    private final DrugLexicon drugs;
    private final double minSimilarity;

    @Inject
    public EmbeddingFaithfulnessCheck(SentenceEmbeddings embeddings,
                                      @ConfigProperty(name = "medi.ai.faithfulness.min-similarity",
                                              defaultValue = "0.45") double minSimilarity) {
        this(embeddings, DrugLexicon.standard(), minSimilarity);
    }

    public EmbeddingFaithfulnessCheck(SentenceEmbeddings embeddings, DrugLexicon drugs, double minSimilarity) {
        this.embeddings = embeddings;
        this.drugs = drugs;
        this.minSimilarity = minSimilarity;
    }

    public double minSimilarity() {
        return minSimilarity;
    }

    @Override
    public CheckedDraft check(Transcript transcript, ScribeDraft draft) {
        Map<String, float[]> cache = new HashMap<>();
        List<CheckedSentence> out = new ArrayList<>();
        for (DraftSentence s : draft.sentences()) {
            out.add(checkSentence(transcript, s, cache));
        }
        return new CheckedDraft(out, draft.engine());
    }

    /** Checks one sentence against the transcript. */
    public CheckedSentence checkSentence(Transcript transcript, DraftSentence sentence) {
        return checkSentence(transcript, sentence, new HashMap<>());
    }

    private CheckedSentence checkSentence(Transcript transcript, DraftSentence sentence, Map<String, float[]> cache) {
        List<String> problems = new ArrayList<>();
        String text = sentence.text() == null ? "" : sentence.text();
        if (text.isBlank()) {
            return new CheckedSentence(sentence.section(), text, sentence.citedSegmentIds(), false, 0,
                    List.of("The sentence is empty."));
        }
        List<TranscriptSegment> cited = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String id : sentence.citedSegmentIds()) {
            if (!seen.add(id)) {
                continue;
            }
            transcript.segment(id).ifPresentOrElse(cited::add,
                    () -> problems.add("It cites transcript segment " + id + ", which does not exist."));
        }
        if (sentence.citedSegmentIds().isEmpty()) {
            problems.add("It cites no transcript segment.");
        }
        if (cited.isEmpty()) {
            return new CheckedSentence(sentence.section(), text, sentence.citedSegmentIds(), false, 0, problems);
        }
        // cited segments in transcript order
        cited.sort((a, b) -> Integer.compare(transcript.segments().indexOf(a), transcript.segments().indexOf(b)));
        String citedText = String.join(" ", cited.stream().map(TranscriptSegment::text).toList());

        double similarity = similarity(text, cited, citedText, cache);
        if (similarity < minSimilarity) {
            problems.add(String.format(java.util.Locale.ROOT,
                    "The cited transcript does not say this (similarity %.2f, below %.2f).", similarity,
                    minSimilarity));
        }
        checkQuantities(text, citedText, problems);
        checkDrugs(text, citedText, problems);
        checkNegations(text, transcript, cited, problems);
        return new CheckedSentence(sentence.section(), text, sentence.citedSegmentIds(), problems.isEmpty(),
                similarity, problems);
    }

    private double similarity(String text, List<TranscriptSegment> cited, String citedText,
                              Map<String, float[]> cache) {
        float[] s = embed(text, cache);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(citedText);
        for (TranscriptSegment seg : cited) {
            candidates.add(seg.text());
            List<String> sentences = ClinicalText.sentences(seg.text());
            for (int i = 0; i < sentences.size(); i++) {
                candidates.add(sentences.get(i));
                if (i + 1 < sentences.size()) {
                    candidates.add(sentences.get(i) + " " + sentences.get(i + 1));
                }
            }
        }
        double best = 0;
        for (String c : candidates) {
            best = Math.max(best, SentenceEmbeddings.cosine(s, embed(c, cache)));
        }
        return Math.min(1.0, Math.max(0.0, best));
    }

    private float[] embed(String text, Map<String, float[]> cache) {
        return cache.computeIfAbsent(text, embeddings::embed);
    }

    private static void checkQuantities(String text, String citedText, List<String> problems) {
        List<ClinicalText.Quantity> citedQuantities = ClinicalText.quantities(citedText);
        Set<String> reported = new LinkedHashSet<>();
        for (ClinicalText.Quantity q : ClinicalText.quantities(text)) {
            if (!ClinicalText.supportedBy(q, citedQuantities) && reported.add(q.display())) {
                problems.add("The " + (q.unit() == null ? "number " : "value ") + q.original()
                        + " is not in the cited transcript.");
            }
        }
        Set<String> citedFrequencies = ClinicalText.frequencies(citedText);
        for (String f : ClinicalText.frequencies(text)) {
            if (!citedFrequencies.contains(f)) {
                problems.add("The frequency \"" + f + "\" is not in the cited transcript.");
            }
        }
    }

    private void checkDrugs(String text, String citedText, List<String> problems) {
        Set<String> citedDrugs = drugs.drugsIn(citedText);
        for (String d : drugs.drugsIn(text)) {
            if (!citedDrugs.contains(d)) {
                problems.add("The medication " + d + " is not mentioned in the cited transcript.");
            }
        }
    }

    /**
     * Polarity of the cited text: negated and affirmed terms, where a question ("Any fever?") affirms nothing by
     * itself and takes the polarity of the answer that follows it when that answer is cited too ("No." → negated).
     */
    static ClinicalText.Polarity citedPolarity(Transcript transcript, List<TranscriptSegment> cited) {
        Set<String> negated = new LinkedHashSet<>();
        Set<String> affirmed = new LinkedHashSet<>();
        for (int i = 0; i < cited.size(); i++) {
            TranscriptSegment seg = cited.get(i);
            List<String> sentences = ClinicalText.sentences(seg.text());
            TranscriptSegment answer = nextSegment(transcript, seg);
            boolean answerCited = answer != null && cited.contains(answer);
            for (int k = 0; k < sentences.size(); k++) {
                String sentence = sentences.get(k);
                ClinicalText.Polarity p = ClinicalText.negation(sentence);
                boolean lastQuestion = ClinicalText.isQuestion(sentence) && k == sentences.size() - 1;
                if (lastQuestion && answerCited) {
                    String reply = answer.text();
                    if (ClinicalText.isNegativeAnswer(reply)) {
                        negated.addAll(p.affirmed());
                        negated.addAll(p.negated());
                        continue;
                    }
                    if (ClinicalText.isPositiveAnswer(reply)) {
                        affirmed.addAll(p.affirmed());
                        negated.addAll(p.negated());
                        continue;
                    }
                }
                if (ClinicalText.isQuestion(sentence)) {
                    continue; // a question states nothing
                }
                negated.addAll(p.negated());
                affirmed.addAll(p.affirmed());
            }
        }
        return new ClinicalText.Polarity(negated, affirmed);
    }

    private static final java.util.regex.Pattern QUOTED_QA = java.util.regex.Pattern.compile(
            "[\"“](?<q>[^\"”]+\\?)[\"”](?<between>[^\"“]{0,40})[\"“](?<a>[^\"”]+)[\"”]");

    /**
     * Polarity of a drafted sentence; a quoted question with its quoted answer ('When asked "Any fever?", patient
     * answers "No."') counts as the answer says, as in the transcript.
     */
    static ClinicalText.Polarity sentencePolarity(String text) {
        java.util.regex.Matcher m = QUOTED_QA.matcher(text);
        if (!m.find()) {
            return ClinicalText.negation(text);
        }
        Set<String> negated = new LinkedHashSet<>();
        Set<String> affirmed = new LinkedHashSet<>();
        ClinicalText.Polarity rest = ClinicalText.negation(text.substring(0, m.start()) + " " + m.group("between")
                + " " + text.substring(m.end()));
        negated.addAll(rest.negated());
        affirmed.addAll(rest.affirmed());
        ClinicalText.Polarity q = ClinicalText.negation(m.group("q"));
        String answer = m.group("a");
        if (ClinicalText.isNegativeAnswer(answer)) {
            negated.addAll(q.affirmed());
        } else if (ClinicalText.isPositiveAnswer(answer)) {
            affirmed.addAll(q.affirmed());
        }
        negated.addAll(q.negated());
        ClinicalText.Polarity a = ClinicalText.negation(answer);
        negated.addAll(a.negated());
        affirmed.addAll(a.affirmed());
        return new ClinicalText.Polarity(negated, affirmed);
    }

    private static TranscriptSegment nextSegment(Transcript transcript, TranscriptSegment seg) {
        int i = transcript.segments().indexOf(seg);
        return i >= 0 && i + 1 < transcript.segments().size() ? transcript.segments().get(i + 1) : null;
    }

    /** Words a note adds to a negation without adding a claim ("no known drug allergies", "no acute distress"). */
    private static final Set<String> NEGATION_MODIFIERS = Set.of("drug", "medication", "medicine", "medicinal",
            "obviou", "obvious", "acute", "recent", "similar", "other", "current", "overt", "evident", "apparent", "further");

    private static void checkNegations(String text, Transcript transcript, List<TranscriptSegment> cited,
                                       List<String> problems) {
        ClinicalText.Polarity cite = citedPolarity(transcript, cited);
        ClinicalText.Polarity sent = sentencePolarity(text);
        Set<String> mentioned = new LinkedHashSet<>();
        for (TranscriptSegment seg : cited) {
            mentioned.addAll(ClinicalText.contentStems(seg.text()));
        }
        List<String> lost = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> invented = new ArrayList<>();
        for (String t : sent.affirmed()) {
            if (cite.negated().contains(t) && !cite.affirmed().contains(t) && !sent.negated().contains(t)) {
                lost.add(t);
            }
        }
        for (String t : sent.negated()) {
            if (cite.negated().contains(t)) {
                continue;
            }
            if (cite.affirmed().contains(t)) {
                added.add(t);
            } else if (!mentioned.contains(t) && !NEGATION_MODIFIERS.contains(t)) {
                invented.add(t);
            }
        }
        if (!lost.isEmpty()) {
            problems.add("The transcript negates " + String.join(", ", lost)
                    + " but the sentence states it without the negation.");
        }
        if (!added.isEmpty()) {
            problems.add("The sentence negates " + String.join(", ", added)
                    + " but the cited transcript states it.");
        }
        if (!invented.isEmpty()) {
            problems.add("The sentence negates " + String.join(", ", invented)
                    + ", which the cited transcript does not mention.");
        }
    }
}

package dev.medi.ai.eval;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.eval.Consultation.FaultySentence;
import dev.medi.ai.eval.Consultation.Seeded;
import dev.medi.ai.eval.Consultation.Sentence;
import dev.medi.ai.redaction.PhiRedactor;
import dev.medi.ai.redaction.Redaction;
import dev.medi.ai.redaction.Redactor;
import dev.medi.ai.scribe.CheckedDraft;
import dev.medi.ai.scribe.CheckedSentence;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.EmbeddingFaithfulnessCheck;
import dev.medi.ai.scribe.FaithfulnessCheck;
import dev.medi.ai.scribe.OfflineScribeEngine;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.SentenceEmbeddings;
import dev.medi.ai.scribe.DrugLexicon;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptParser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the scribe's evaluation set through a {@link ScribeEngine}, a {@link FaithfulnessCheck} and a {@link Redactor}
 * and computes (definitions in docs/ai-evaluation.md):
 * <ul>
 *   <li><b>section accuracy</b>: reference sentences whose best-matching draft sentence (by shared citations and
 *   word overlap) is in the same SOAP section, over all reference sentences (unmatched ones count as misses);</li>
 *   <li><b>evidence coverage</b>: draft sentences citing at least one segment that exists;</li>
 *   <li><b>unsupported-sentence detection</b>: the set's faulty sentences, injected into the engine's draft with the
 *   citations they claim, that the check flags;</li>
 *   <li><b>false-flag rate</b>: reference sentences the check flags;</li>
 *   <li><b>redaction recall</b>: occurrences of the seeded identifiers gone from the redacted transcript.</li>
 * </ul>
 * As in production, the engine sees the redacted transcript and its answer is restored before the check (switch off
 * with {@code -Deval.redact-before-engine=false}).
 *
 * <p>Manual run: {@code main}; the engine is chosen with {@code -Deval.engine=offline|gemini|<class name>}
 * (docs/ai-evaluation.md has the commands). Nothing here depends on the gemini engine at compile time.
 */
public final class ScribeEvaluation {

    /** The date shift of the evaluation's redactions (any fixed value: the runs are repeatable). */
    static final int SHIFT_DAYS = 23;
    /** A reference sentence counts as matched when its best draft sentence scores at least this. */
    static final double MATCH_THRESHOLD = 0.2;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:\\.\\d+)?");
    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for",
            "with", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "i", "you", "your", "my",
            "me", "he", "she", "his", "her", "him", "we", "our", "they", "them", "so", "but", "as", "by", "from", "up",
            "about", "have", "has", "had", "do", "does", "did", "just", "now", "then", "there", "here", "will", "can",
            "would", "if", "not", "no", "any", "all", "some", "very", "really", "okay", "yes");
    /** Doses and measurements that must survive redaction (informational figure). */
    private static final Pattern CLINICAL_VALUE = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\s?(?:mg|micrograms|g|ml|"
            + "percent|kilograms|kilos|units|millimoles per mole|centimetres|millimetres|kilopascals|degrees)\\b"
            + "|\\b\\d{2,3} over \\d{2,3}\\b");

    private final ScribeEngine engine;
    private final FaithfulnessCheck check;
    private final Redactor redactor;
    private final boolean redactBeforeEngine;

    public ScribeEvaluation(ScribeEngine engine, FaithfulnessCheck check, Redactor redactor,
                            boolean redactBeforeEngine) {
        this.engine = engine;
        this.check = check;
        this.redactor = redactor;
        this.redactBeforeEngine = redactBeforeEngine;
    }

    /** The offline engine, the embedding check at its default threshold and the PHI redactor, built without CDI. */
    public static ScribeEvaluation offline() {
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        return new ScribeEvaluation(new OfflineScribeEngine(embeddings), defaultCheck(embeddings), new PhiRedactor(),
                true);
    }

    static FaithfulnessCheck defaultCheck(SentenceEmbeddings embeddings) {
        double min = Double.parseDouble(System.getProperty("eval.min-similarity",
                String.valueOf(EmbeddingFaithfulnessCheck.DEFAULT_MIN_SIMILARITY)));
        return new EmbeddingFaithfulnessCheck(embeddings, DrugLexicon.standard(), min);
    }

    public EvaluationReport run(List<Consultation> set) {
        long started = System.nanoTime();
        EvaluationReport report = new EvaluationReport(engine.name(), engine.model(), redactBeforeEngine);
        for (Consultation c : set) {
            evaluate(c, report);
        }
        report.totalMillis = (System.nanoTime() - started) / 1_000_000;
        return report;
    }

    private void evaluate(Consultation c, EvaluationReport report) {
        report.consultations++;
        Transcript transcript = TranscriptParser.parse(c.transcript());
        Redaction redaction = redactor.redact(c.transcript(), c.identifiers().record().toPatientIdentifiers(),
                SHIFT_DAYS);
        measureRedaction(c, redaction, report);

        List<DraftSentence> draft = draft(c, transcript, redaction, report);
        report.draftSentences += draft.size();
        Set<String> ids = new HashSet<>();
        transcript.segments().forEach(s -> ids.add(s.id()));
        for (DraftSentence d : draft) {
            report.evidenceCoverage.add(d.citedSegmentIds().stream().anyMatch(ids::contains));
        }
        measureSections(c, draft, report);

        // One check call (its embedding cache spans the call): the engine's sentences, then the faulty sentences
        // injected with the citations they claim, then the reference note's sentences. The check judges sentence by
        // sentence, so the reference sentences' verdicts are the same as in a draft of their own.
        List<DraftSentence> injected = new ArrayList<>(draft);
        c.faulty().forEach(f -> injected.add(f.asDraft()));
        c.reference().forEach(r -> injected.add(r.asDraft()));
        CheckedDraft checked = check.check(transcript, new ScribeDraft(injected, EngineInfo.of(engine.name(),
                engine.model())));
        if (checked.sentences().size() != injected.size()) {
            throw new IllegalStateException("The check returned " + checked.sentences().size() + " sentences for "
                    + injected.size());
        }
        for (int i = 0; i < draft.size(); i++) {
            report.engineFlagged.add(!checked.sentences().get(i).supported());
        }
        for (int i = 0; i < c.faulty().size(); i++) {
            FaultySentence f = c.faulty().get(i);
            boolean flagged = !checked.sentences().get(draft.size() + i).supported();
            report.detection.add(flagged);
            report.detectionByFault.get(f.fault()).add(flagged);
            if (!flagged) {
                report.misses.add(c.id() + " undetected " + f.fault() + ": \"" + f.text() + "\" " + f.segments());
            }
        }
        int offset = draft.size() + c.faulty().size();
        for (int i = 0; i < c.reference().size(); i++) {
            CheckedSentence s = checked.sentences().get(offset + i);
            report.falseFlags.add(!s.supported());
            if (!s.supported()) {
                report.misses.add(c.id() + " false flag: \"" + s.text() + "\" " + s.citedSegmentIds() + " — "
                        + String.join("; ", s.problems()));
            }
        }
    }

    /** The engine's draft, its sentences' text restored for the clinician as in production. */
    private List<DraftSentence> draft(Consultation c, Transcript transcript, Redaction redaction,
                                      EvaluationReport report) {
        Transcript input = transcript;
        if (redactBeforeEngine) {
            Transcript redacted = TranscriptParser.parse(redaction.text());
            if (redacted.segments().size() == transcript.segments().size()) {
                input = redacted;
            } else {
                report.misses.add(c.id() + " redaction changed the number of turns; the engine got the original");
            }
        }
        long t0 = System.nanoTime();
        ScribeDraft draft;
        try {
            draft = engine.draftNote(input);
        } catch (RuntimeException e) {
            report.engineFailures++;
            report.misses.add(c.id() + " engine failed: " + e.getClass().getSimpleName());
            return List.of();
        } finally {
            report.engineMillis += (System.nanoTime() - t0) / 1_000_000;
        }
        if (!redactBeforeEngine) {
            return draft.sentences();
        }
        return draft.sentences().stream()
                .map(d -> new DraftSentence(d.section(), redactor.restore(d.text(), redaction), d.citedSegmentIds()))
                .toList();
    }

    private static void measureRedaction(Consultation c, Redaction redaction, EvaluationReport report) {
        for (Seeded s : c.identifiers().seeded()) {
            int before = occurrences(c.transcript(), s.text());
            int after = occurrences(redaction.text(), s.text());
            int removed = Math.max(0, before - after);
            report.redactionRecall.add(removed, before);
            report.recallByKind.get(s.kind()).add(removed, before);
            if (after > 0) {
                report.misses.add(c.id() + " not redacted " + s.kind() + ": \"" + s.text() + "\"");
            }
        }
        Matcher m = CLINICAL_VALUE.matcher(c.transcript());
        while (m.find()) {
            String value = m.group();
            int before = occurrences(c.transcript(), value);
            boolean kept = occurrences(redaction.text(), value) >= before;
            report.clinicalRetention.add(kept);
            if (!kept) {
                report.misses.add(c.id() + " clinical value lost in redaction: \"" + value + "\"");
            }
        }
    }

    /** Occurrences of {@code needle} as whole words (so "Ana" is not found in "anaphylaxis"). */
    static int occurrences(String haystack, String needle) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(needle) + "(?![\\p{L}\\p{N}])")
                .matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void measureSections(Consultation c, List<DraftSentence> draft, EvaluationReport report) {
        for (Sentence r : c.reference()) {
            DraftSentence best = null;
            double bestScore = -1;
            for (DraftSentence d : draft) {
                double score = matchScore(r.segments(), r.text(), d.citedSegmentIds(), d.text());
                if (score > bestScore) {
                    bestScore = score;
                    best = d;
                }
            }
            if (best == null || bestScore < MATCH_THRESHOLD) {
                report.matched.add(false);
                report.sectionAccuracy.add(false);
                report.unmatchedBySection.merge(r.section(), 1, Integer::sum);
                report.misses.add(c.id() + " unmatched " + r.section() + ": \"" + r.text() + "\"");
                continue;
            }
            report.matched.add(true);
            boolean same = best.section() == r.section();
            report.sectionAccuracy.add(same);
            report.confusion.get(r.section()).merge(best.section(), 1, Integer::sum);
            if (!same) {
                report.misses.add(c.id() + " section " + r.section() + " → " + best.section() + ": \""
                        + r.text() + "\" matched \"" + best.text() + "\"");
            }
        }
    }

    /** Half the Jaccard overlap of the citations, half the Dice overlap of the content words. */
    static double matchScore(List<String> refSegments, String refText, List<String> segments, String text) {
        Set<String> a = new HashSet<>(refSegments);
        Set<String> b = new HashSet<>(segments);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        a.retainAll(b);
        double citations = union.isEmpty() ? 0 : (double) a.size() / union.size();
        Set<String> x = contentWords(refText);
        Set<String> y = contentWords(text);
        int common = 0;
        for (String w : x) {
            if (y.contains(w)) {
                common++;
            }
        }
        double words = x.isEmpty() && y.isEmpty() ? 0 : 2.0 * common / (x.size() + y.size());
        return 0.5 * citations + 0.5 * words;
    }

    static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w) && (w.length() > 1 || Character.isDigit(w.charAt(0)))) {
                out.add(w);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- manual runs

    /**
     * {@code -Deval.engine=offline} (default), {@code gemini} (the gemini engine configured from
     * {@code medi.ai.gemini.*} system properties or {@code MEDI_AI_GEMINI_*} environment variables) or a class name
     * with a public no-argument constructor or static {@code create()}; {@code -Deval.verbose=true} lists every miss;
     * {@code -Deval.enforce=true} exits with 1 when the figures are below eval/minimums.properties.
     */
    public static void main(String[] args) {
        String choice = System.getProperty("eval.engine", "offline");
        boolean redact = Boolean.parseBoolean(System.getProperty("eval.redact-before-engine", "true"));
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        ScribeEngine engine = engine(choice, embeddings);
        ScribeEvaluation evaluation = new ScribeEvaluation(engine, defaultCheck(embeddings), new PhiRedactor(),
                redact);
        EvaluationReport report = evaluation.run(EvaluationSet.load());
        System.out.println(report.format(Boolean.getBoolean("eval.verbose")));
        if (Boolean.getBoolean("eval.enforce")) {
            List<String> failures = belowMinimums(report, EvaluationSet.minimums());
            failures.forEach(System.out::println);
            System.exit(failures.isEmpty() ? 0 : 1);
        }
    }

    /** The figures that miss their recorded minimum (or exceed the maximum false-flag rate), in words. */
    public static List<String> belowMinimums(EvaluationReport report, Properties limits) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Double> f : report.figures().entrySet()) {
            String min = limits.getProperty("min." + f.getKey());
            String max = limits.getProperty("max." + f.getKey());
            if (min != null && f.getValue() < Double.parseDouble(min)) {
                failures.add(String.format(Locale.ROOT, "%s %.3f is below the recorded minimum %s", f.getKey(),
                        f.getValue(), min));
            }
            if (max != null && f.getValue() > Double.parseDouble(max)) {
                failures.add(String.format(Locale.ROOT, "%s %.3f is above the recorded maximum %s", f.getKey(),
                        f.getValue(), max));
            }
        }
        return failures;
    }

    static ScribeEngine engine(String choice, SentenceEmbeddings embeddings) {
        try {
            return switch (choice) {
                case "offline" -> new OfflineScribeEngine(embeddings);
                case "gemini" -> gemini();
                default -> byClassName(choice);
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build the engine " + choice + ": " + e, e);
        }
    }

    private static ScribeEngine byClassName(String name) throws ReflectiveOperationException {
        Class<?> type = Class.forName(name);
        try {
            Method create = type.getMethod("create");
            if (Modifier.isStatic(create.getModifiers())) {
                return (ScribeEngine) create.invoke(null);
            }
        } catch (NoSuchMethodException ignored) {
            // fall through to the constructor
        }
        return (ScribeEngine) type.getConstructor().newInstance();
    }

    /**
     * {@code new GeminiEngine(GeminiClient.unguarded(config))} by reflection (no compile-time dependency on the gemini
     * engine), the config read like Quarkus would: {@code medi.ai.gemini.<kebab-name>} system property, then the
     * {@code MEDI_AI_GEMINI_<NAME>} environment variable, then the interface's {@code @WithDefault}.
     */
    private static ScribeEngine gemini() throws ReflectiveOperationException {
        Class<?> configType = Class.forName("dev.medi.ai.config.GeminiConfig");
        Class<?> clientType = Class.forName("dev.medi.ai.client.GeminiClient");
        Class<?> engineType = Class.forName("dev.medi.ai.engine.gemini.GeminiEngine");
        Object config = Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] {configType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "GeminiConfig(evaluation)";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> configValue(method);
                });
        Object client = clientType.getMethod("unguarded", configType).invoke(null, config);
        return (ScribeEngine) engineType.getConstructor(clientType).newInstance(client);
    }

    private static Object configValue(Method method) {
        String kebab = method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String value = System.getProperty("medi.ai.gemini." + kebab);
        if (value == null) {
            value = System.getenv("MEDI_AI_GEMINI_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            value = defaultOf(method);
        }
        Class<?> type = method.getReturnType();
        if (type == Optional.class) {
            boolean ofString = method.getGenericReturnType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] == String.class;
            if (!ofString) {
                throw new IllegalStateException("Unsupported config type of " + method.getName());
            }
            return Optional.ofNullable(value == null || value.isBlank() ? null : value);
        }
        if (value == null) {
            throw new IllegalStateException("medi.ai.gemini." + kebab + " is not set");
        }
        if (type == String.class) {
            return value;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == float.class || type == Float.class) {
            return Float.parseFloat(value);
        }
        if (type == double.class || type == Double.class) {
            return Double.parseDouble(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (type == Duration.class) {
            return parseDuration(value);
        }
        if (type.isEnum()) {
            String constant = value.replace('-', '_').toUpperCase(Locale.ROOT);
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(constant)) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("Unsupported value for " + method.getName());
    }

    private static String defaultOf(Method method) {
        try {
            @SuppressWarnings("unchecked")
            Class<? extends java.lang.annotation.Annotation> withDefault =
                    (Class<? extends java.lang.annotation.Annotation>) Class.forName("io.smallrye.config.WithDefault");
            Object annotation = method.getAnnotation(withDefault);
            return annotation == null ? null : (String) withDefault.getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static Duration parseDuration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }
}

package dev.medi.ai.eval;

import dev.medi.ai.eval.Consultation.Fault;
import dev.medi.ai.eval.Consultation.Kind;
import dev.medi.ai.scribe.SoapSection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one evaluation run, with the cases behind the misses (synthetic data only). */
public final class EvaluationReport {

    /** Names of the enforced figures, as in {@code eval/minimums.properties}. */
    public static final String SECTION_ACCURACY = "section-accuracy";
    public static final String EVIDENCE_COVERAGE = "evidence-coverage";
    public static final String UNSUPPORTED_DETECTION = "unsupported-detection";
    public static final String FALSE_FLAG_RATE = "false-flag-rate";
    public static final String REDACTION_RECALL = "redaction-recall";

    /** A count out of a total. */
    public static final class Tally {
        int hits;
        int total;

        void add(boolean hit) {
            total++;
            if (hit) {
                hits++;
            }
        }

        void add(int hits, int total) {
            this.hits += hits;
            this.total += total;
        }

        public int hits() {
            return hits;
        }

        public int total() {
            return total;
        }

        public double rate() {
            return total == 0 ? 0 : (double) hits / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f (%d/%d)", rate(), hits, total);
        }
    }

    final String engine;
    final String model;
    final boolean redactedBeforeEngine;
    int consultations;
    int engineFailures;
    int draftSentences;
    long engineMillis;
    long totalMillis;
    final Tally sectionAccuracy = new Tally();
    final Tally matched = new Tally();
    final Tally evidenceCoverage = new Tally();
    final Tally detection = new Tally();
    final Map<Fault, Tally> detectionByFault = new EnumMap<>(Fault.class);
    final Tally falseFlags = new Tally();
    final Tally engineFlagged = new Tally();
    final Tally redactionRecall = new Tally();
    final Map<Kind, Tally> recallByKind = new EnumMap<>(Kind.class);
    final Tally clinicalRetention = new Tally();
    /** reference section → draft section of the best match (null key: unmatched). */
    final Map<SoapSection, Map<SoapSection, Integer>> confusion = new EnumMap<>(SoapSection.class);
    final Map<SoapSection, Integer> unmatchedBySection = new EnumMap<>(SoapSection.class);
    final List<String> misses = new ArrayList<>();

    EvaluationReport(String engine, String model, boolean redactedBeforeEngine) {
        this.engine = engine;
        this.model = model;
        this.redactedBeforeEngine = redactedBeforeEngine;
        for (Fault f : Fault.values()) {
            detectionByFault.put(f, new Tally());
        }
        for (Kind k : Kind.values()) {
            recallByKind.put(k, new Tally());
        }
        for (SoapSection s : SoapSection.values()) {
            Map<SoapSection, Integer> row = new EnumMap<>(SoapSection.class);
            for (SoapSection d : SoapSection.values()) {
                row.put(d, 0);
            }
            confusion.put(s, row);
            unmatchedBySection.put(s, 0);
        }
    }

    public double sectionAccuracy() {
        return sectionAccuracy.rate();
    }

    public double evidenceCoverage() {
        return evidenceCoverage.rate();
    }

    public double unsupportedDetectionRate() {
        return detection.rate();
    }

    public double falseFlagRate() {
        return falseFlags.rate();
    }

    public double redactionRecall() {
        return redactionRecall.rate();
    }

    public Tally detection(Fault fault) {
        return detectionByFault.get(fault);
    }

    public Tally recall(Kind kind) {
        return recallByKind.get(kind);
    }

    public int consultations() {
        return consultations;
    }

    public int engineFailures() {
        return engineFailures;
    }

    public int draftSentences() {
        return draftSentences;
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    /** The enforced figures by name. */
    public Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put(SECTION_ACCURACY, sectionAccuracy());
        f.put(EVIDENCE_COVERAGE, evidenceCoverage());
        f.put(UNSUPPORTED_DETECTION, unsupportedDetectionRate());
        f.put(FALSE_FLAG_RATE, falseFlagRate());
        f.put(REDACTION_RECALL, redactionRecall());
        return f;
    }

    /** The report as printed by the runner and the test. */
    public String format(boolean withMisses) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scribe evaluation — engine %s (model %s), %d consultations, %s%n",
                engine, model, consultations,
                redactedBeforeEngine ? "transcripts redacted before the engine" : "transcripts not redacted"));
        b.append(String.format(Locale.ROOT, "  engine failures            %d; draft sentences %d; engine time %d ms; total %d ms%n",
                engineFailures, draftSentences, engineMillis, totalMillis));
        b.append(String.format(Locale.ROOT, "  section accuracy           %s   (reference sentences matched at all: %s)%n",
                sectionAccuracy, matched));
        b.append(String.format(Locale.ROOT, "  evidence coverage          %s%n", evidenceCoverage));
        b.append(String.format(Locale.ROOT, "  unsupported detection      %s%n", detection));
        detectionByFault.forEach((f, t) -> {
            if (t.total() > 0) {
                b.append(String.format(Locale.ROOT, "      %-24s %s%n", f, t));
            }
        });
        b.append(String.format(Locale.ROOT, "  false flags on reference   %s%n", falseFlags));
        b.append(String.format(Locale.ROOT, "  engine sentences flagged   %s   (informational)%n", engineFlagged));
        b.append(String.format(Locale.ROOT, "  redaction recall           %s%n", redactionRecall));
        recallByKind.forEach((k, t) -> {
            if (t.total() > 0) {
                b.append(String.format(Locale.ROOT, "      %-24s %s%n", k, t));
            }
        });
        b.append(String.format(Locale.ROOT, "  clinical values kept       %s   (doses and measurements intact after redaction; informational)%n",
                clinicalRetention));
        b.append("  sections (reference → best-matching draft sentence): S O A P unmatched\n");
        confusion.forEach((ref, row) -> b.append(String.format(Locale.ROOT, "      %-11s %3d %3d %3d %3d %3d%n", ref,
                row.get(SoapSection.SUBJECTIVE), row.get(SoapSection.OBJECTIVE), row.get(SoapSection.ASSESSMENT),
                row.get(SoapSection.PLAN), unmatchedBySection.get(ref))));
        if (withMisses) {
            b.append("  misses:\n");
            misses.forEach(m -> b.append("    ").append(m).append('\n'));
        }
        return b.toString();
    }
}

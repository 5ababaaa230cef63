package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.triage.TriageLexicon.Acuity;
import dev.medi.ai.triage.TriageLexicon.Concept;
import dev.medi.ai.triage.TriageLexicon.Presentation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code offline} triage advisor: deterministic rules over the chief complaint and the age, nothing leaves the
 * service and nothing is downloaded. It reads the complaint for the presentations of {@link TriageLexicon} (with
 * synonyms, and negations such as "denies chest pain" or "no shortness of breath" taken into account) and walks
 * the first three ESI v4 decision points as far as words allow:
 * <ol>
 *   <li>A: a presentation that needs an immediate life-saving intervention (arrest, unresponsive, airway, ...) → 1;</li>
 *   <li>B: a high-risk presentation (chest pain suggestive of ACS, stroke signs, ...) → 2;</li>
 *   <li>C: otherwise the resources the recognised presentations need (each kind once; a complex procedure counts
 *       two): none → 5, one → 4, two or more → 3.</li>
 * </ol>
 * A complaint it recognises nothing in is suggested ESI 3 with two resources assumed (the safer guess; the vitals
 * then still reach decision point D). Decision point D (danger-zone vitals) and the vitals of A and B are the ESI
 * rule engine's part, combined in {@link TriageCombination}. The rationale names the rules, never the complaint.
 */
@ApplicationScoped
public class OfflineTriageAdvisor implements TriageAdvisor {

    public static final String NAME = "offline";
    public static final String MODEL = "medi-triage-rules-1";
    /** Resources assumed for a complaint the rules do not recognise. */
    static final int UNRECOGNISED_RESOURCES = 2;

    /** What the rules found in one complaint (package-private: the tests read it). */
    record Analysis(int level, List<Presentation> matched, List<Presentation> negated, Set<ExpectedResource> resources,
                    int resourceCount, boolean recognised, String rationale) {

        List<String> highRisk() {
            return matched.stream().filter(p -> p.acuity() != Acuity.BY_RESOURCES).map(Presentation::label)
                    .distinct().toList();
        }

        List<String> highRiskCodes() {
            return matched.stream().filter(p -> p.acuity() != Acuity.BY_RESOURCES).map(Presentation::code)
                    .distinct().toList();
        }

        List<String> codes() {
            return matched.stream().map(Presentation::code).distinct().toList();
        }

        List<String> negatedCodes() {
            return negated.stream().map(Presentation::code).distinct().toList();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public TriageAdvice adviseTriage(TriageQuestion question) {
        Analysis analysis = analyse(question);
        return new TriageAdvice(analysis.level(), analysis.rationale(), analysis.highRisk(), analysis.resourceCount(),
                EngineInfo.of(NAME, MODEL), analysis.resources().stream().map(ExpectedResource::label).toList());
    }

    Analysis analyse(TriageQuestion question) {
        ComplaintText text = ComplaintText.of(question.chiefComplaint());
        Integer age = question.ageYears();
        Set<String> present = new HashSet<>();
        Set<String> mentioned = new HashSet<>(); // present, or found only negated
        for (Concept concept : TriageLexicon.CONCEPTS.values()) {
            for (String[] phrase : concept.phrases()) {
                for (int start : text.find(phrase)) {
                    mentioned.add(concept.code());
                    if (!text.negatedAt(start)) {
                        present.add(concept.code());
                    }
                }
            }
        }
        List<Presentation> matched = new ArrayList<>();
        List<Presentation> negated = new ArrayList<>();
        for (Presentation presentation : TriageLexicon.PRESENTATIONS) {
            if (!ageFits(presentation, age)) {
                continue;
            }
            if (requires(presentation, present)) {
                matched.add(presentation);
            } else if (requires(presentation, mentioned)) {
                negated.add(presentation);
            }
        }
        Set<String> matchedCodes = matched.stream().map(Presentation::code).collect(Collectors.toSet());
        negated.removeIf(p -> matchedCodes.contains(p.code()));

        Set<ExpectedResource> resources = EnumSet.noneOf(ExpectedResource.class);
        matched.forEach(p -> resources.addAll(p.resources()));
        boolean recognised = !matched.isEmpty();
        int count = recognised ? resources.stream().mapToInt(ExpectedResource::weight).sum() : UNRECOGNISED_RESOURCES;
        int level = level(matched, count);
        return new Analysis(level, List.copyOf(matched), List.copyOf(negated), Set.copyOf(resources), count, recognised,
                rationale(level, matched, negated, resources, count, recognised, age));
    }

    private static boolean ageFits(Presentation presentation, Integer age) {
        if (age == null) {
            return !presentation.needsAge();
        }
        return presentation.ageFits().test(age);
    }

    private static boolean requires(Presentation presentation, Set<String> concepts) {
        return presentation.requires().stream().allMatch(group -> group.stream().anyMatch(concepts::contains));
    }

    private static int level(List<Presentation> matched, int resources) {
        if (matched.stream().anyMatch(p -> p.acuity() == Acuity.LIFE_SAVING)) {
            return 1;
        }
        if (matched.stream().anyMatch(p -> p.acuity() == Acuity.HIGH_RISK)) {
            return 2;
        }
        return levelForResources(resources);
    }

    /** ESI decision point C. */
    static int levelForResources(int resources) {
        return resources == 0 ? 5 : resources == 1 ? 4 : 3;
    }

    private static String rationale(int level, List<Presentation> matched, List<Presentation> negated,
                                    Set<ExpectedResource> resources, int count, boolean recognised, Integer age) {
        StringBuilder why = new StringBuilder();
        Map<Acuity, List<String>> byAcuity = new LinkedHashMap<>();
        for (Presentation p : matched) {
            List<String> labels = byAcuity.computeIfAbsent(p.acuity(), a -> new ArrayList<>());
            if (!labels.contains(p.label())) {
                labels.add(p.label());
            }
        }
        if (!recognised) {
            why.append("No presentation the rules know was recognised in the complaint: ESI 3 assumed, with two or more"
                    + " resources, until the nurse assesses.");
        } else if (level == 1) {
            why.append("Decision point A: ").append(String.join("; ", byAcuity.get(Acuity.LIFE_SAVING)))
                    .append(" - needs an immediate life-saving intervention: ESI 1.");
        } else if (level == 2) {
            why.append("Decision point B, high-risk situation: ").append(String.join("; ", byAcuity.get(Acuity.HIGH_RISK)))
                    .append(": ESI 2.");
        } else {
            why.append("No high-risk presentation recognised; recognised: ")
                    .append(String.join("; ", byAcuity.get(Acuity.BY_RESOURCES)))
                    .append(". Decision point C: ").append(resourceWords(count)).append(": ESI ").append(level).append('.');
        }
        if (recognised && level <= 2 && byAcuity.containsKey(Acuity.BY_RESOURCES)) {
            why.append(" Also recognised: ").append(String.join("; ", byAcuity.get(Acuity.BY_RESOURCES))).append('.');
        }
        if (recognised) {
            why.append(" Expected resources: ").append(resources.isEmpty() ? "none"
                    : resources.stream().map(ExpectedResource::label).collect(Collectors.joining(", "))
                    + " (" + count + ")").append('.');
        }
        if (!negated.isEmpty()) {
            why.append(" Negated in the complaint, not counted: ")
                    .append(negated.stream().map(Presentation::label).distinct().collect(Collectors.joining("; ")))
                    .append('.');
        }
        if (age == null) {
            why.append(" Age not given: the age-dependent rules (abdominal pain at ")
                    .append(TriageLexicon.OLDER_ADULT_YEARS).append(" or over, fever in an infant) were not applied.");
        }
        return why.toString();
    }

    private static String resourceWords(int count) {
        return switch (count) {
            case 0 -> "no resources expected";
            case 1 -> "one resource expected";
            default -> count + " resources expected";
        };
    }
}

package dev.medi.ai.rest;

import dev.medi.ai.triage.TriageSuggestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A triage suggestion: the suggested ESI level with its rationale, the high-risk presentations matched, the
 * expected resources, what the advisor (engine, model) and the ESI rule engine (level, rule) each answered, and,
 * once the nurse triaged the entry, the nurse's final level and the outcome. The chief complaint is not repeated.
 */
public record TriageSuggestionView(
        UUID id,
        UUID departmentId,
        UUID queueEntryId,
        String source,
        int suggestedLevel,
        String rationale,
        List<String> highRiskPresentations,
        ExpectedResources expectedResources,
        Advisor advisor,
        RuleEngine ruleEngine,
        Instant createdAt,
        Nurse nurse) {

    /** How many ESI resources (decision point C) and which. */
    public record ExpectedResources(int count, List<String> kinds) {
    }

    /** The engine that read the complaint; {@code fallbackReason} set when the configured engine failed. */
    public record Advisor(String engine, String model, int level, String fallbackReason) {
    }

    /** The ESI v4 rule engine's answer for the vitals. */
    public record RuleEngine(int level, String rule, String explanation, List<String> dangerZoneVitals) {
    }

    /** The nurse's final level and how the suggestion compares (agreement, under-triage, over-triage). */
    public record Nurse(int finalLevel, Instant assessedAt, String outcome) {
    }

    public static TriageSuggestionView of(TriageSuggestion s) {
        return new TriageSuggestionView(s.id(), s.departmentId(), s.queueEntryId(), s.source(), s.suggestedLevel(),
                s.rationale(), s.highRiskPresentations(), new ExpectedResources(s.expectedResources(), s.resources()),
                new Advisor(s.advisorEngine(), s.advisorModel(), s.advisorLevel(), s.fallbackReason()),
                new RuleEngine(s.engineLevel(), s.engineRule(), s.engineExplanation(), s.dangerZoneVitals()),
                s.createdAt(),
                s.nurseLevel() == null ? null : new Nurse(s.nurseLevel(), s.nurseAssessedAt(), s.outcome()));
    }
}

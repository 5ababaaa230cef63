package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import java.util.List;

/**
 * An engine's triage suggestion: the level it suggests with its rationale, the high-risk presentations it matched
 * and the resources it expects (ESI counts resources, not tests). Combined with the ESI rule engine's answer for
 * the vitals before it is shown.
 */
public record TriageAdvice(int suggestedLevel, String rationale, List<String> highRiskPresentations,
                           int expectedResources, EngineInfo engine) {

    public TriageAdvice {
        highRiskPresentations = List.copyOf(highRiskPresentations);
        if (suggestedLevel < 1 || suggestedLevel > 5) {
            throw new IllegalArgumentException("ESI levels are 1 to 5");
        }
    }
}

package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import java.util.List;

/**
 * An engine's triage suggestion: the level it suggests with its rationale, the high-risk presentations it matched
 * and the resources it expects (ESI counts resources, not tests). Combined with the ESI rule engine's answer for
 * the vitals before it is shown.
 *
 * @param expectedResources how many ESI resources the engine expects (decision point C; a complex procedure counts 2)
 * @param resources         which kinds of resource, in words (e.g. "labs (blood, urine)"); empty when the engine
 *                          names none
 */
public record TriageAdvice(int suggestedLevel, String rationale, List<String> highRiskPresentations,
                           int expectedResources, EngineInfo engine, List<String> resources) {

    public TriageAdvice {
        highRiskPresentations = List.copyOf(highRiskPresentations);
        resources = resources == null ? List.of() : List.copyOf(resources);
        if (suggestedLevel < 1 || suggestedLevel > 5) {
            throw new IllegalArgumentException("ESI levels are 1 to 5");
        }
    }

    /** Advice without the kinds of resource (an engine that only counts them). */
    public TriageAdvice(int suggestedLevel, String rationale, List<String> highRiskPresentations,
                        int expectedResources, EngineInfo engine) {
        this(suggestedLevel, rationale, highRiskPresentations, expectedResources, engine, List.of());
    }
}

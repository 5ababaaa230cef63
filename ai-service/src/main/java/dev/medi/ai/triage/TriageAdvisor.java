package dev.medi.ai.triage;

import dev.medi.ai.engine.AiEngine;

/** Suggests an ESI level for a (redacted) chief complaint and what is known of the patient. */
public interface TriageAdvisor extends AiEngine {

    TriageAdvice adviseTriage(TriageQuestion question);
}

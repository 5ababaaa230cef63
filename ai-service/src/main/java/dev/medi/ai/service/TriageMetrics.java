package dev.medi.ai.service;

import dev.medi.ai.triage.TriageOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Triage assistant meters, per replica (Prometheus sums them): suggestions made, and nurse triages joined with a
 * suggestion by outcome. The agreement rate is a ratio of the outcome counters in PromQL (README); the exact daily
 * figures per department come from the database ({@code GET /api/v1/ai/triage-agreement}), never from one pod's
 * memory. Tags: the department id (a handful per clinic), the source, the level, the outcome; no patient data.
 */
@ApplicationScoped
public class TriageMetrics {

    private final MeterRegistry registry;

    TriageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void suggested(UUID departmentId, String source, String engine, int level) {
        Counter.builder("medi.ai.triage.suggestions").description("Triage suggestions made")
                .tag("department", departmentId.toString()).tag("source", source).tag("engine", engine)
                .tag("level", Integer.toString(level))
                .register(registry).increment();
    }

    void joined(UUID departmentId, TriageOutcome outcome) {
        Counter.builder("medi.ai.triage.outcomes")
                .description("Nurse triages joined with the suggestion, by outcome (agreement, under-triage: the"
                        + " suggestion less urgent than the nurse's level, over-triage: more urgent)")
                .tag("department", departmentId.toString()).tag("outcome", outcome.code())
                .register(registry).increment();
    }
}

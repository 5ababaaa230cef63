package dev.medi.ai.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Engine meters, per replica: calls by engine, task and outcome; latency histograms; tokens by direction; fallbacks
 * to the offline engine by reason. SmallRye Fault Tolerance adds its own {@code ft.*} meters (retries, breaker state).
 */
@ApplicationScoped
public class AiEngineMetrics {

    private final MeterRegistry registry;

    AiEngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void call(String engine, String task, boolean success, Duration took) {
        Counter.builder("medi.ai.engine.calls").description("Engine calls")
                .tags("engine", engine, "task", task, "outcome", success ? "success" : "failure")
                .register(registry).increment();
        Timer.builder("medi.ai.engine.latency").description("Latency of an engine call, retries included")
                .tags("engine", engine, "task", task)
                .publishPercentileHistogram()
                .register(registry).record(took);
    }

    void tokens(EngineInfo info, String task) {
        if (info.inputTokens() > 0) {
            tokenCounter(info.engine(), task, "input").increment(info.inputTokens());
        }
        if (info.outputTokens() > 0) {
            tokenCounter(info.engine(), task, "output").increment(info.outputTokens());
        }
    }

    void fallback(String task, String reason) {
        Counter.builder("medi.ai.engine.fallbacks").description("Answers given by the offline engine after the configured one failed")
                .tags("task", task, "reason", reason)
                .register(registry).increment();
    }

    private Counter tokenCounter(String engine, String task, String direction) {
        return Counter.builder("medi.ai.engine.tokens").description("Model tokens used")
                .tags("engine", engine, "task", task, "direction", direction)
                .register(registry);
    }
}

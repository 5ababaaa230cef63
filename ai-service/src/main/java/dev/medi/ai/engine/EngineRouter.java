package dev.medi.ai.engine;

import dev.medi.ai.client.GeminiClient;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageQuestion;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.util.function.Function;

/**
 * Chooses the engine ({@code medi.ai.engine}: {@code offline}, the default, or {@code gemini}) and falls back to the
 * offline engine when the configured one fails, times out or its circuit breaker is open: the answer then carries
 * {@link EngineInfo#withFallback} with the reason code (e.g. {@code rate-limited}, {@code circuit-open}), so the UI and
 * the note's provenance show it. A cloud outage never blocks a draft or a triage suggestion.
 *
 * <p>Engines are found by {@link AiEngine#name()} among the {@link ScribeEngine} and {@link TriageAdvisor} beans.
 */
@ApplicationScoped
public class EngineRouter {

    public static final String OFFLINE = "offline";

    private final String configured;
    private final Instance<ScribeEngine> scribes;
    private final Instance<TriageAdvisor> advisors;
    private final AiEngineMetrics metrics;
    private final EngineStatus status;

    EngineRouter(@ConfigProperty(name = "medi.ai.engine", defaultValue = OFFLINE) String configured,
                 @Any Instance<ScribeEngine> scribes, @Any Instance<TriageAdvisor> advisors,
                 AiEngineMetrics metrics, EngineStatus status) {
        this.configured = configured.trim().toLowerCase();
        this.scribes = scribes;
        this.advisors = advisors;
        this.metrics = metrics;
        this.status = status;
    }

    /** The engine that answers when nothing fails. */
    public String configuredEngine() {
        return configured;
    }

    public ScribeDraft draftNote(Transcript transcript) {
        return route("scribe", find(scribes, configured), find(scribes, OFFLINE), e -> e.draftNote(transcript),
                ScribeDraft::engine, (draft, reason) -> new ScribeDraft(draft.sentences(), draft.engine().withFallback(reason)));
    }

    public TriageAdvice adviseTriage(TriageQuestion question) {
        return route("triage", find(advisors, configured), find(advisors, OFFLINE), e -> e.adviseTriage(question),
                TriageAdvice::engine, (advice, reason) -> new TriageAdvice(advice.suggestedLevel(), advice.rationale(),
                        advice.highRiskPresentations(), advice.expectedResources(), advice.engine().withFallback(reason),
                        advice.resources()));
    }

    private <E extends AiEngine, T> T route(String task, E primary, E offline, Function<E, T> call,
                                            Function<T, EngineInfo> info,
                                            java.util.function.BiFunction<T, String, T> fallback) {
        if (primary == offline) {
            return timed(task, offline, call, info);
        }
        try {
            T result = timed(task, primary, call, info);
            status.succeeded(primary.name());
            return result;
        } catch (RuntimeException e) {
            String reason = reasonCode(e);
            status.failed(primary.name(), reason);
            metrics.fallback(task, reason);
            // Ids and reason codes only: the exception of a model call may quote neither prompt nor answer, but
            // its cause chain belongs to a library; it is not logged.
            Log.warnf("Engine %s failed for %s (%s); answering with the offline engine", primary.name(), task, reason);
            return fallback.apply(timed(task, offline, call, info), reason);
        }
    }

    private <E extends AiEngine, T> T timed(String task, E engine, Function<E, T> call, Function<T, EngineInfo> info) {
        long start = System.nanoTime();
        boolean success = false;
        try {
            T result = call.apply(engine);
            success = true;
            metrics.tokens(info.apply(result), task);
            return result;
        } finally {
            metrics.call(engine.name(), task, success, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The stable code recorded with a fallback. */
    static String reasonCode(Throwable e) {
        if (e instanceof EngineFailure failure) {
            return failure.reason().code();
        }
        if (e instanceof CircuitBreakerOpenException) {
            return EngineFailure.Reason.CIRCUIT_OPEN.code();
        }
        if (e instanceof TimeoutException) {
            return EngineFailure.Reason.TIMEOUT.code();
        }
        return "error";
    }

    private static <E extends AiEngine> E find(Instance<E> engines, String name) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (E engine : engines) {
            if (engine.name().equals(name)) {
                return engine;
            }
            names.add(engine.name());
        }
        throw new IllegalStateException("No AI engine named '" + name + "' among " + names
                + " (medi.ai.engine is offline or gemini)");
    }
}

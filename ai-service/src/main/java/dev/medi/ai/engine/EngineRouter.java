package dev.medi.ai.engine;

import dev.medi.ai.engine.gemini.GeminiEngine;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.OfflineScribeEngine;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.OfflineTriageAdvisor;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageQuestion;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chooses the engine ({@code medi.ai.engine}: {@code offline}, the default, or {@code gemini}) and falls back to the
 * offline engine when the configured one fails, times out or its circuit breaker is open: the answer then carries
 * {@link EngineInfo#withFallback} with the reason code (e.g. {@code rate-limited}, {@code circuit-open}), so the UI and
 * the note's provenance show it. A cloud outage never blocks a draft or a triage suggestion.
 *
 * <p>The router is itself the {@link ScribeEngine} and {@link TriageAdvisor} that the rest of the service injects
 * (an alternative with priority, so it wins over the engines it routes to, which it injects by class).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class EngineRouter implements ScribeEngine, TriageAdvisor {

    public static final String OFFLINE = "offline";
    public static final String GEMINI = "gemini";

    private final String configured;
    private final OfflineScribeEngine offlineScribe;
    private final OfflineTriageAdvisor offlineTriage;
    private final GeminiEngine gemini;
    private final AiEngineMetrics metrics;
    private final EngineStatus status;

    EngineRouter(@ConfigProperty(name = "medi.ai.engine", defaultValue = OFFLINE) String configured,
                 OfflineScribeEngine offlineScribe, OfflineTriageAdvisor offlineTriage, GeminiEngine gemini,
                 AiEngineMetrics metrics, EngineStatus status) {
        this.configured = configured.trim().toLowerCase(Locale.ROOT);
        if (!this.configured.equals(OFFLINE) && !this.configured.equals(GEMINI)) {
            throw new IllegalArgumentException("medi.ai.engine must be offline or gemini, not " + configured);
        }
        this.offlineScribe = offlineScribe;
        this.offlineTriage = offlineTriage;
        this.gemini = gemini;
        this.metrics = metrics;
        this.status = status;
    }

    /** The configured engine's name (what answers when nothing fails). */
    @Override
    public String name() {
        return configured;
    }

    /** The configured engine's model. */
    @Override
    public String model() {
        return GEMINI.equals(configured) ? gemini.model() : offlineScribe.model();
    }

    /** The engine that answers when nothing fails. */
    public String configuredEngine() {
        return configured;
    }

    @Override
    public ScribeDraft draftNote(Transcript transcript) {
        return route("scribe", GEMINI.equals(configured) ? gemini : offlineScribe, offlineScribe, e -> e.draftNote(transcript),
                ScribeDraft::engine, (draft, reason) -> new ScribeDraft(draft.sentences(), draft.engine().withFallback(reason)));
    }

    @Override
    public TriageAdvice adviseTriage(TriageQuestion question) {
        return route("triage", GEMINI.equals(configured) ? gemini : offlineTriage, offlineTriage, e -> e.adviseTriage(question),
                TriageAdvice::engine, (advice, reason) -> new TriageAdvice(advice.suggestedLevel(), advice.rationale(),
                        advice.highRiskPresentations(), advice.expectedResources(), advice.engine().withFallback(reason),
                        advice.resources()));
    }

    private <E extends AiEngine, T> T route(String task, E primary, E offline, Function<? super E, T> call,
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

    private <E extends AiEngine, T> T timed(String task, E engine, Function<? super E, T> call,
                                            Function<T, EngineInfo> info) {
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
}

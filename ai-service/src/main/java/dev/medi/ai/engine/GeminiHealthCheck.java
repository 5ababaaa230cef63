package dev.medi.ai.engine;

import dev.medi.ai.client.GeminiClient;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the AI engines in readiness data but is always UP: when Gemini is down the offline engine answers, so the
 * service stays ready and routable. {@code gemini} is {@code up}, {@code degraded} (last call failed, or the breaker
 * is half-open) or {@code down} (breaker open); {@code not-used} with the offline engine. No call to Gemini is made.
 */
@Readiness
@ApplicationScoped
public class GeminiHealthCheck implements HealthCheck {

    private final EngineRouter router;
    private final EngineStatus status;
    private final CircuitBreakerMaintenance breakers;

    GeminiHealthCheck(EngineRouter router, EngineStatus status, CircuitBreakerMaintenance breakers) {
        this.router = router;
        this.status = status;
        this.breakers = breakers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("AI engines").up()
                .withData("engine", router.configuredEngine())
                .withData("fallback", EngineRouter.OFFLINE);
        if (!"gemini".equals(router.configuredEngine())) {
            return response.withData("gemini", "not-used").build();
        }
        CircuitBreakerState breaker = breakerState();
        EngineStatus.Outcome last = status.last();
        String gemini = switch (breaker) {
            case OPEN -> "down";
            case HALF_OPEN -> "degraded";
            case CLOSED -> last != null && !last.success() ? "degraded" : "up";
        };
        response.withData("gemini", gemini).withData("circuitBreaker", breaker.name().toLowerCase());
        if (last != null && !last.success()) {
            response.withData("lastFailure", last.reason()).withData("lastFailureAt", last.at().toString());
        }
        return response.build();
    }

    private CircuitBreakerState breakerState() {
        try {
            return breakers.currentState(GeminiClient.BREAKER);
        } catch (IllegalArgumentException notYetUsed) {
            return CircuitBreakerState.CLOSED;
        }
    }
}

package dev.medi.ai.engine;

import dev.medi.ai.AiTestInfrastructure;
import dev.medi.ai.client.GeminiClient;
import dev.medi.ai.client.VertexAiStandIn;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageQuestion;
import dev.medi.platform.testing.ServiceEndpoints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gemini engine behind the router, with its fault tolerance (timeout, retries with backoff, circuit breaker) and
 * the fallback to the offline engine, against the local Vertex AI stand-in.
 */
@QuarkusTest
@TestProfile(GeminiStandInProfile.class)
class EngineRouterGeminiTest extends AiTestInfrastructure {

    static final Transcript TRANSCRIPT = new Transcript(List.of(
            new TranscriptSegment("s1", "Patient", "I have had a cough for three days.", null),
            new TranscriptSegment("s2", "Doctor", "Take paracetamol 500 mg up to four times a day.", null)));
    static final String DRAFT = """
            {"sentences":[{"section":"SUBJECTIVE","text":"Cough for three days.","cites":["s1"]},
             {"section":"PLAN","text":"Paracetamol 500 mg up to four times a day.","cites":["s2"]}]}""";

    @Inject
    EngineRouter router;
    @Inject
    TriageAdvisor injectedAdvisor;
    @Inject
    ScribeEngine injectedScribe;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    MeterRegistry registry;
    @Inject
    @Readiness
    GeminiHealthCheck health;

    VertexAiStandIn standIn;

    @BeforeEach
    void reset() {
        standIn = VertexAiStandInResource.standIn;
        standIn.reset();
        breakers.resetAll();
    }

    @AfterEach
    void release() {
        standIn.reset();
        breakers.resetAll();
    }

    @Test
    void geminiAnswersAndTokensAreCounted() {
        double input = tokens("input");
        standIn.then(VertexAiStandIn.ok(DRAFT, 200, 40));

        ScribeDraft draft = router.draftNote(TRANSCRIPT);

        assertEquals(new EngineInfo("gemini", "gemini-2.5-flash", 200, 40, null), draft.engine());
        assertEquals(2, draft.sentences().size());
        assertEquals(200, tokens("input") - input);
        assertEquals("up", health.call().getData().orElseThrow().get("gemini"));
    }

    @Test
    void theRestOfTheServiceGetsTheRouter() {
        standIn.then(VertexAiStandIn.ok("{\"level\":4,\"rationale\":\"sprain\",\"highRiskPresentations\":[],"
                + "\"expectedResources\":1,\"resources\":[\"imaging\"]}", 80, 20));

        assertEquals("gemini", injectedAdvisor.adviseTriage(new TriageQuestion("ankle sprain", 30)).engine().engine());
        assertEquals("gemini", injectedScribe.name());
    }

    @Test
    void rateLimitIsRetriedThenSucceeds() {
        standIn.then(VertexAiStandIn.error(429, "RESOURCE_EXHAUSTED"), VertexAiStandIn.ok(DRAFT, 200, 40));

        ScribeDraft draft = router.draftNote(TRANSCRIPT);

        assertEquals("gemini", draft.engine().engine());
        assertNull(draft.engine().fallbackReason());
        assertEquals(2, standIn.requests().size(), "the 429 was retried once");
    }

    @Test
    void persistentServerErrorFallsBackAfterRetries() {
        double before = fallbacks("scribe", "server-error");
        standIn.otherwise(VertexAiStandIn.error(500, "INTERNAL"));

        ScribeDraft draft = router.draftNote(TRANSCRIPT);

        assertEquals("offline", draft.engine().engine());
        assertEquals("server-error", draft.engine().fallbackReason());
        assertEquals(3, standIn.requests().size(), "first attempt and 2 retries");
        assertEquals(1, fallbacks("scribe", "server-error") - before);
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), "readiness stays UP");
        assertEquals("degraded", response.getData().orElseThrow().get("gemini"));
        assertEquals("server-error", response.getData().orElseThrow().get("lastFailure"));
    }

    @Test
    void timeoutFallsBack() {
        standIn.otherwise(VertexAiStandIn.hang());

        TriageAdvice advice = router.adviseTriage(new TriageQuestion("cough", 40));

        assertEquals("offline", advice.engine().engine());
        assertEquals("timeout", advice.engine().fallbackReason());
        assertEquals(3, standIn.requests().size(), "timeouts are retried");
    }

    @Test
    void malformedAnswerFallsBackWithoutRetry() {
        standIn.otherwise(VertexAiStandIn.ok("this is not JSON", 100, 5));

        ScribeDraft draft = router.draftNote(TRANSCRIPT);

        assertEquals("offline", draft.engine().engine());
        assertEquals("malformed-output", draft.engine().fallbackReason());
        assertEquals(1, standIn.requests().size(), "a malformed answer is not retried");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(GeminiClient.BREAKER));
    }

    @Test
    void safetyBlockFallsBackWithoutRetry() {
        standIn.otherwise(VertexAiStandIn.safetyBlock());

        TriageAdvice advice = router.adviseTriage(new TriageQuestion("chest pain", 60));

        assertEquals("offline", advice.engine().engine());
        assertEquals("safety-block", advice.engine().fallbackReason());
        assertEquals(1, standIn.requests().size());
    }

    @Test
    void openBreakerStopsCallingGemini() {
        standIn.otherwise(VertexAiStandIn.error(503, "UNAVAILABLE"));

        // 3 attempts fail the first call; the 4th failure (second call) opens the breaker.
        assertEquals("unavailable", router.draftNote(TRANSCRIPT).engine().fallbackReason());
        assertEquals("circuit-open", router.draftNote(TRANSCRIPT).engine().fallbackReason());
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(GeminiClient.BREAKER));
        int sent = standIn.requests().size();

        ScribeDraft draft = router.draftNote(TRANSCRIPT);

        assertEquals("offline", draft.engine().engine());
        assertEquals("circuit-open", draft.engine().fallbackReason());
        assertEquals(sent, standIn.requests().size(), "no call reaches Gemini while the breaker is open");
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("down", response.getData().orElseThrow().get("gemini"));
        assertEquals("open", response.getData().orElseThrow().get("circuitBreaker"));
        assertTrue(fallbacks("scribe", "circuit-open") >= 2);
        // Over HTTP too: readiness answers 200 UP with Gemini reported down, and the meters are exposed.
        ServiceEndpoints.management(ServiceEndpoints.managementUrl()).get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'AI engines' }.data.gemini", equalTo("down"));
        ServiceEndpoints.assertMetrics(ServiceEndpoints.managementUrl(), "medi_ai_engine_fallbacks_total",
                "medi_ai_engine_calls_total", "medi_ai_engine_latency_seconds_bucket");
    }

    private double tokens(String direction) {
        Counter counter = registry.find("medi.ai.engine.tokens").tags("engine", "gemini", "direction", direction).counter();
        return counter == null ? 0 : counter.count();
    }

    private double fallbacks(String task, String reason) {
        Counter counter = registry.find("medi.ai.engine.fallbacks").tags("task", task, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}

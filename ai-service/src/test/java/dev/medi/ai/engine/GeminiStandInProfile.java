package dev.medi.ai.engine;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The service with {@code medi.ai.engine=gemini} against the local Vertex AI stand-in, a 2 s call deadline (loaded CI machines) and
 * short fault-tolerance delays (the production values are in application.properties).
 */
public class GeminiStandInProfile implements QuarkusTestProfile {

    static final String GUARD = "dev.medi.ai.client.GeminiClient/generate/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("medi.ai.engine", "gemini"),
                Map.entry("medi.ai.gemini.project", "medi-test"),
                Map.entry("medi.ai.gemini.location", "europe-west1"),
                Map.entry("medi.ai.gemini.credentials", "none"),
                Map.entry("medi.ai.gemini.timeout", "2s"),
                Map.entry(GUARD + "Retry/delay", "20"),
                Map.entry(GUARD + "Retry/jitter", "0"),
                Map.entry(GUARD + "ExponentialBackoff/maxDelay", "100"),
                Map.entry(GUARD + "ExponentialBackoff/maxDelayUnit", "MILLIS"),
                Map.entry(GUARD + "Timeout/value", "10"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VertexAiStandInResource.class));
    }

}

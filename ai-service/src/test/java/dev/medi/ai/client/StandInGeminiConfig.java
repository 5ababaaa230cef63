package dev.medi.ai.client;

import dev.medi.ai.config.GeminiConfig;

import java.time.Duration;
import java.util.Optional;

/** The gemini engine's configuration pointed at a {@link VertexAiStandIn}, for tests that run without CDI. */
public record StandInGeminiConfig(String endpointUrl, Duration timeout) implements GeminiConfig {

    @Override
    public Optional<String> project() {
        return Optional.of("medi-test");
    }

    @Override
    public String location() {
        return "europe-west1";
    }

    @Override
    public String model() {
        return "gemini-2.5-flash";
    }

    @Override
    public Optional<String> endpoint() {
        return Optional.of(endpointUrl);
    }

    @Override
    public Credentials credentials() {
        return Credentials.NONE;
    }

    @Override
    public int maxOutputTokens() {
        return 4096;
    }

    @Override
    public float temperature() {
        return 0;
    }
}

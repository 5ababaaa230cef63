package dev.medi.ai.engine;

import dev.medi.ai.client.VertexAiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts the Vertex AI stand-in before the application and points the gemini engine at it. */
public class VertexAiStandInResource implements QuarkusTestResourceLifecycleManager {

    /** The running stand-in (one per application start under {@link GeminiStandInProfile}). */
    static volatile VertexAiStandIn standIn;

    @Override
    public Map<String, String> start() {
        try {
            standIn = new VertexAiStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("medi.ai.gemini.endpoint", standIn.endpoint());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}

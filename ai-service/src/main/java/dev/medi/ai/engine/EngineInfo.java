package dev.medi.ai.engine;

/**
 * Which engine and model produced an output, with its token usage; {@code fallbackReason} is set when the configured
 * engine failed and the offline engine answered instead (the UI and the note's provenance show it).
 */
public record EngineInfo(String engine, String model, int inputTokens, int outputTokens, String fallbackReason) {

    public static EngineInfo of(String engine, String model) {
        return new EngineInfo(engine, model, 0, 0, null);
    }

    public boolean fellBack() {
        return fallbackReason != null;
    }

    public EngineInfo withFallback(String reason) {
        return new EngineInfo(engine, model, inputTokens, outputTokens, reason);
    }
}

package dev.medi.ai.client;

/** Gemini's answer text (JSON, still to be parsed) with the token usage Vertex AI reported for the call. */
public record GeminiAnswer(String text, String model, int inputTokens, int outputTokens) {
}

package dev.medi.ai.client;

import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * One structured request to Gemini: the versioned instructions (sent as the system instruction), the already
 * redacted input (the user turn) and the JSON schema the answer must follow.
 */
public record GeminiPrompt(String version, String systemInstruction, String input, JsonSchema schema) {
}

package dev.medi.ai.engine.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A versioned prompt, kept as a resource under {@code prompts/} ({@code scribe-v1.txt}): a change of wording is a new
 * file and a new version, so a draft's prompt can always be found again.
 */
record PromptTemplate(String version, String text) {

    static PromptTemplate load(String version) {
        String resource = "prompts/" + version + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing prompt resource " + resource);
            }
            return new PromptTemplate(version, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

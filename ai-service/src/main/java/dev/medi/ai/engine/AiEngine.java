package dev.medi.ai.engine;

/**
 * A model that drafts clinical text. Every input it receives is already redacted (no names, identifiers, exact
 * dates): engines never see patient data, whether they run in the clinic ({@code offline}) or in the cloud
 * ({@code gemini}). What they answer is checked afterwards, whatever the engine.
 */
public interface AiEngine {

    /** "offline" or "gemini": recorded with every output. */
    String name();

    /** The model behind the engine, recorded with every output. */
    String model();
}

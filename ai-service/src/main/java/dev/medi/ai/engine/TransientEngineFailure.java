package dev.medi.ai.engine;

/**
 * An engine failure worth retrying (rate limit, 5xx, unreachable endpoint, timeout): the type the retry and the
 * circuit breaker of {@link dev.medi.ai.client.GeminiClient} react to. Malformed output and safety blocks are plain
 * {@link EngineFailure}s: retrying them would only spend tokens.
 */
public class TransientEngineFailure extends EngineFailure {

    public TransientEngineFailure(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
        if (!reason.isTransient()) {
            throw new IllegalArgumentException(reason + " is not transient");
        }
    }
}

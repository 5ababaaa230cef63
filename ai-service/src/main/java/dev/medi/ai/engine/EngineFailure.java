package dev.medi.ai.engine;

/**
 * A model call that produced no usable output. The {@link Reason} says why, in a form fit for metrics, logs and the
 * fallback recorded in {@link EngineInfo#fallbackReason()}; the message never contains prompt or answer text.
 */
public class EngineFailure extends RuntimeException {

    /** Why an engine failed; {@link #code()} is the stable, lower-case form recorded with a fallback. */
    public enum Reason {
        /** 429 / RESOURCE_EXHAUSTED: quota or rate limit. Transient. */
        RATE_LIMITED(true),
        /** 5xx other than 503. Transient. */
        SERVER_ERROR(true),
        /** 503 / UNAVAILABLE, or the endpoint could not be reached. Transient. */
        UNAVAILABLE(true),
        /** No answer within the deadline. Transient. */
        TIMEOUT(true),
        /** The answer is not the JSON the prompt asked for. Not retried: the same prompt fails the same way. */
        MALFORMED_OUTPUT(false),
        /** The model refused (finish reason SAFETY, a blocked prompt, no candidate). Not retried. */
        SAFETY_BLOCK(false),
        /** Any other 4xx (bad request, permission denied, model not found): a configuration problem. */
        REJECTED(false),
        /** The circuit breaker is open: the engine was not called. */
        CIRCUIT_OPEN(false),
        /** The engine is not configured (e.g. no Google Cloud project). */
        NOT_CONFIGURED(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final Reason reason;

    public EngineFailure(Reason reason, String message, Throwable cause) {
        super(reason.code() + ": " + message, cause);
        this.reason = reason;
    }

    public EngineFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    /** The failure for {@code reason}: a {@link TransientEngineFailure} when the reason is worth a retry. */
    public static EngineFailure of(Reason reason, String message, Throwable cause) {
        return reason.isTransient() ? new TransientEngineFailure(reason, message, cause)
                : new EngineFailure(reason, message, cause);
    }

    public Reason reason() {
        return reason;
    }
}

package dev.medi.platform.defaults;

import java.time.Duration;
import java.util.Map;

/** 429 with a {@code Retry-After} header: the caller may try again after that many seconds. */
public class RateLimitedException extends ProblemException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail, null, null,
                Map.of("Retry-After", Long.toString(atLeastASecond(retryAfter).toSeconds())));
        this.retryAfter = atLeastASecond(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static Duration atLeastASecond(Duration retryAfter) {
        return retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }
}

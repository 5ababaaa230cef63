package dev.medi.auth;

import java.time.Duration;

/**
 * How long a sign-in key (an account name or a client address) is refused after its failures in the
 * current window: nothing for the first {@code freeFailures}, then 1 s, 2 s, 4 s … doubling up to
 * {@code maxBlock}. Slows guessing to a crawl without ever locking a legitimate user out for good.
 */
public record LoginThrottlePolicy(int freeFailures, Duration maxBlock) {

    public Duration blockAfter(int failures) {
        int excess = failures - freeFailures;
        if (excess <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(excess - 1, 30);
        return seconds >= maxBlock.toSeconds() ? maxBlock : Duration.ofSeconds(seconds);
    }
}

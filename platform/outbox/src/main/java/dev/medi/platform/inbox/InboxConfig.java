package dev.medi.platform.inbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** {@code medi.inbox.*}: retries of a failing event and how long applied event ids are kept (defaults in META-INF). */
@ConfigMapping(prefix = "medi.inbox")
public interface InboxConfig {

    Retry retry();

    /** Applied event ids older than this are deleted by {@link InboxHousekeeping}. */
    Duration retention();

    /** How often {@link InboxHousekeeping} runs. */
    Duration housekeepingInterval();

    /** Retries of an event whose handler or transaction failed, before it goes to the dead-letter topic. */
    interface Retry {

        /** Tries in all, the first one included; 1 = no retry. */
        int maxAttempts();

        /** Wait before the first retry; it doubles with each further one. */
        Duration backoff();

        /** Longest wait between two tries. */
        Duration maxBackoff();
    }
}

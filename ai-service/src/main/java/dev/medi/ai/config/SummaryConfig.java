package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Patient summaries. */
@ConfigMapping(prefix = "medi.ai.summary")
public interface SummaryConfig {

    /**
     * Longest a summary is served without recomputing, even when no record event marked it stale (a missed event
     * costs at most this long).
     */
    @WithDefault("1h")
    Duration maxAge();

    /** How many history items (newest first) a summary reads. */
    @WithDefault("50")
    int historyItems();
}

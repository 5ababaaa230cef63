package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** patient-service, asked about the encounter and the patient of a scribe job with the caller's own token. */
@ConfigMapping(prefix = "medi.ai.patient-service")
public interface PatientServiceConfig {

    /** Base URL of patient-service's API (its own port, not the gateway). */
    String url();

    /** Longest wait for its answer; after it the request answers 503. */
    @WithDefault("3s")
    Duration timeout();
}

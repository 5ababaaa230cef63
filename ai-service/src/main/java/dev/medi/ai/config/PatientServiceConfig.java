package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where patient-service answers: ai-service reads the record only through its API, with the caller's token. */
@ConfigMapping(prefix = "medi.ai.patient-service")
public interface PatientServiceConfig {

    /** Base URL, e.g. http://patient-service:8080 */
    String url();

    /** How long one call may take before the read fails with 503. */
    @WithDefault("5s")
    Duration timeout();
}

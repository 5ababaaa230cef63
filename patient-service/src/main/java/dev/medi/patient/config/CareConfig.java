package dev.medi.patient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The care relationship that gives clinical staff access to a patient (ADR 0006). */
@ConfigMapping(prefix = "medi.patient.care")
public interface CareConfig {

    /**
     * How long after an encounter of their department ended (not as no-show or cancelled) its clinical staff still
     * see the patient: to finish notes and act on results. Applied when access is checked, so a change applies to
     * past visits too.
     */
    @WithDefault("24h")
    Duration followUp();
}

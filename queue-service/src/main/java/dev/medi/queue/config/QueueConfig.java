package dev.medi.queue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Queue rules and housekeeping of queue-service. */
@ConfigMapping(prefix = "medi.queue")
public interface QueueConfig {

    Priority priority();

    Sla sla();

    Estimate estimate();

    Idempotency idempotency();

    Demo demo();

    /** Defaults for a new department. */
    Defaults defaults();

    /** patient-service, asked about a patient a check-in names before its registration event arrived (ADR 0016). */
    PatientService patientService();

    interface Priority {
        /** ESI level assumed for an entry not yet triaged (ordering and target). */
        @WithDefault("3")
        int untriagedLevel();

        /** After a breach, one more priority step per this much further waiting. */
        @WithDefault("30m")
        Duration agingStep();

        /** At most this many steps of promotion by aging. */
        @WithDefault("1")
        int maxPromotion();
    }

    interface Sla {
        /** How often the monitor looks for breaches, aging and the end-of-day close. */
        @WithDefault("15s")
        Duration checkEvery();
    }

    interface Estimate {
        /** Consultations finished within this window feed the average duration. */
        @WithDefault("4h")
        Duration window();

        /** Used until enough consultations were seen. */
        @WithDefault("15m")
        Duration defaultConsultation();

        /** A doctor counts as active in a department after a call there within this window. */
        @WithDefault("1h")
        Duration activeDoctorWindow();
    }

    interface Idempotency {
        /** How long a check-in's Idempotency-Key is remembered. */
        @WithDefault("24h")
        Duration retention();

        /** How often keys older than {@link #retention()} are deleted (IdempotencyKeyExpiry). */
        @WithDefault("15m")
        Duration expireEvery();
    }

    interface Demo {
        /** Seed the demo departments and rooms (local run and tests only). */
        @WithDefault("false")
        boolean departments();

        List<UUID> departmentIds();
    }

    interface Defaults {
        @WithDefault("Europe/Berlin")
        String timeZone();

        @WithDefault("23:59")
        LocalTime autoCloseAt();
    }

    interface PatientService {
        /** Base URL of patient-service's API (its own port, not the gateway). */
        String url();

        /** Longest wait for its answer; after it the check-in answers 503. */
        @WithDefault("2s")
        Duration timeout();
    }
}

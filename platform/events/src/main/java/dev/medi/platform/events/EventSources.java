package dev.medi.platform.events;

/** CloudEvents {@code source} values (URI references), one per producing service. */
public final class EventSources {

    public static final String AUTH_SERVICE = "/medi/auth-service";
    public static final String PATIENT_SERVICE = "/medi/patient-service";
    public static final String QUEUE_SERVICE = "/medi/queue-service";
    public static final String AI_SERVICE = "/medi/ai-service";

    private EventSources() {
    }
}

package dev.medi.platform.events;

/** The audit trail's one event type; every service that touches patient data emits it under its own source. */
public final class AuditEvents {

    /** An {@link AuditRecord}, keyed by its target (the patient id for patient data). */
    public static final EventType<AuditRecord> RECORDED = EventType.of(Topics.AUDIT, EventTypes.AUDIT_RECORDED,
            "/medi", AuditRecord.class, AuditRecord::targetId);

    private AuditEvents() {
    }
}

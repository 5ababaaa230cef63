package dev.medi.patient.rest;

import dev.medi.patient.access.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One audit record.
 *
 * @param accessBasis    why access was allowed: {@code admin}, {@code front-desk}, {@code queue-entry},
 *                       {@code encounter}, {@code follow-up}, {@code break-glass} (flagged for review), {@code event}
 *                       (a write from another service's event); {@code department} before ADR 0006; {@code null} when
 *                       denied
 * @param accessBasisRef the id of the queue entry, encounter or break-glass grant the access relied on, or {@code null}
 */
public record AuditEntryView(UUID id, Instant at, String actor, List<String> actorRoles, String action,
                             String targetType, String targetId, UUID patientId, String outcome, String accessBasis,
                             String accessBasisRef, String requestId) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.at(), entry.actor(), entry.actorRoles(), entry.action(),
                entry.targetType(), entry.targetId(), entry.patientId(), entry.outcome(), entry.accessBasis(),
                entry.accessBasisRef(), entry.requestId());
    }
}

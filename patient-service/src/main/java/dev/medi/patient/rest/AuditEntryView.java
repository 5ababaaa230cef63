package dev.medi.patient.rest;

import dev.medi.patient.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One audit record.
 *
 * @param accessBasis why access was allowed: {@code admin}, {@code front-desk}, {@code department},
 *                    {@code break-glass} (flagged for review); {@code null} when denied
 */
public record AuditEntryView(UUID id, Instant at, String actor, List<String> actorRoles, String action,
                             String targetType, String targetId, UUID patientId, String outcome, String accessBasis,
                             String requestId) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.at(), entry.actor(), entry.actorRoles(), entry.action(),
                entry.targetType(), entry.targetId(), entry.patientId(), entry.outcome(), entry.accessBasis(),
                entry.requestId());
    }
}

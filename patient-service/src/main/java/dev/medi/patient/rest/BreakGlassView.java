package dev.medi.patient.rest;

import dev.medi.patient.access.BreakGlassGrant;

import java.time.Instant;
import java.util.UUID;

/** A break-glass grant: the caller may read and update the patient until {@code expiresAt}. */
public record BreakGlassView(UUID id, UUID patientId, String grantedTo, Instant grantedAt, Instant expiresAt) {

    static BreakGlassView of(BreakGlassGrant grant) {
        return new BreakGlassView(grant.id(), grant.patientId(), grant.grantedTo(), grant.grantedAt(), grant.expiresAt());
    }
}

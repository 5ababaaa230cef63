package dev.medi.patient.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Emergency access of one clinician to one patient outside their departments, until {@link #expiresAt()}.
 * Every grant is audited ({@code patient.break-glass}) and every read under it is flagged with the access
 * basis {@code break-glass}, for review. The reason is kept here only: it is free text.
 */
@Entity
@Table(name = "break_glass_grants")
public class BreakGlassGrant {

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "granted_to", nullable = false, updatable = false)
    private String grantedTo;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    protected BreakGlassGrant() {
        // for Hibernate
    }

    public static BreakGlassGrant grant(UUID id, UUID patientId, String grantedTo, String reason, Instant now,
                                        Duration duration, String requestId) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("break-glass duration must be positive");
        }
        BreakGlassGrant grant = new BreakGlassGrant();
        grant.id = Objects.requireNonNull(id);
        grant.patientId = Objects.requireNonNull(patientId);
        grant.grantedTo = Objects.requireNonNull(grantedTo);
        grant.reason = Objects.requireNonNull(reason).strip();
        grant.grantedAt = now;
        grant.expiresAt = now.plus(duration);
        grant.requestId = requestId;
        return grant;
    }

    public boolean activeAt(Instant instant) {
        return instant.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public String grantedTo() {
        return grantedTo;
    }

    public String reason() {
        return reason;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

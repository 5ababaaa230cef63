package dev.medi.patient.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One access to patient data, kept in patient-service's own database so admins can query it (the same
 * record also goes to {@code medi.audit.v1}). Append-only: the table refuses updates and deletes.
 * Identifiers only, never names or clinical content.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles", nullable = false, updatable = false)
    private String[] actorRoles;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private String targetId;

    @Column(name = "patient_id", updatable = false)
    private UUID patientId;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "access_basis", updatable = false)
    private String accessBasis;

    /** The queue entry, encounter or break-glass grant the access relied on (ADR 0006), or {@code null}. */
    @Column(name = "access_basis_ref", updatable = false)
    private String accessBasisRef;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    protected AuditEntry() {
        // for Hibernate
    }

    public static AuditEntry of(UUID id, Instant at, String actor, List<String> actorRoles, String action,
                                String targetType, String targetId, UUID patientId, String outcome,
                                String accessBasis, String accessBasisRef, String requestId) {
        AuditEntry entry = new AuditEntry();
        entry.id = id;
        entry.at = at;
        entry.actor = actor;
        entry.actorRoles = actorRoles.toArray(String[]::new);
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.patientId = patientId;
        entry.outcome = outcome;
        entry.accessBasis = accessBasis;
        entry.accessBasisRef = accessBasisRef;
        entry.requestId = requestId;
        return entry;
    }

    public UUID id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public List<String> actorRoles() {
        return List.of(actorRoles);
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public UUID patientId() {
        return patientId;
    }

    public String outcome() {
        return outcome;
    }

    public String accessBasis() {
        return accessBasis;
    }

    public String accessBasisRef() {
        return accessBasisRef;
    }

    public String requestId() {
        return requestId;
    }
}

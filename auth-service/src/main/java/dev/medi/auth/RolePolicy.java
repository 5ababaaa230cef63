package dev.medi.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** An admin's security policy for one role: whether its holders must use a second factor. */
@Entity
@Table(name = "role_policies")
public class RolePolicy {

    @Id
    private String role;

    @Column(name = "totp_required", nullable = false)
    private boolean totpRequired;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected RolePolicy() {
        // for Hibernate
    }

    public void requireTotp(boolean required, String admin, Instant now) {
        totpRequired = required;
        updatedBy = Objects.requireNonNull(admin);
        updatedAt = now;
    }

    public String role() {
        return role;
    }

    public boolean totpRequired() {
        return totpRequired;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}

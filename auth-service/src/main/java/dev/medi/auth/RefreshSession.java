package dev.medi.auth;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A login session: the family of refresh tokens issued since one login. Guards the session rules:
 * idle timeout, absolute lifetime, revocation (OWASP ASVS V7.3).
 */
@Entity
@Table(name = "refresh_sessions")
public class RefreshSession {

    /** Why a session ended. */
    public enum EndReason { LOGOUT, REUSE_DETECTED, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT, ACCOUNT_DISABLED, PASSWORD_CHANGED, PASSWORD_RESET, SECOND_FACTOR_RESET }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    /** Opened or upgraded with the second factor (TOTP). */
    @Column(name = "second_factor", nullable = false)
    private boolean secondFactor;

    @Version
    private long version;

    protected RefreshSession() {
        // for Hibernate
    }

    public static RefreshSession start(UUID userId, Instant now) {
        return start(userId, now, false);
    }

    public static RefreshSession start(UUID userId, Instant now, boolean secondFactor) {
        RefreshSession session = new RefreshSession();
        session.secondFactor = secondFactor;
        session.id = TimeOrderedIds.next();
        session.userId = Objects.requireNonNull(userId);
        session.createdAt = now;
        session.lastUsedAt = now;
        return session;
    }

    /** The reason this session can no longer be refreshed at {@code now}, or {@code null} if it can. */
    public EndReason expiry(Instant now, Duration idleTimeout, Duration absoluteLifetime) {
        if (revokedAt != null) {
            return EndReason.valueOf(revokedReason);
        }
        if (now.isAfter(createdAt.plus(absoluteLifetime))) {
            return EndReason.ABSOLUTE_TIMEOUT;
        }
        if (now.isAfter(lastUsedAt.plus(idleTimeout))) {
            return EndReason.IDLE_TIMEOUT;
        }
        return null;
    }

    public void touch(Instant now) {
        lastUsedAt = now;
    }

    /** Ends the session for good; the first reason is kept. */
    public void revoke(EndReason reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.name();
        }
    }

    /** The user proved a second factor within this session (enrolment counts). */
    public void secondFactorVerified() {
        secondFactor = true;
    }

    public boolean secondFactor() {
        return secondFactor;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The login that started the session: when the user last entered the password. */
    public Instant createdAt() {
        return createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }
}

package dev.medi.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A password reset link's token (stored hashed): usable once, until it expires. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
        // for Hibernate
    }

    public static PasswordResetToken issue(String tokenHash, UUID userId, Instant now, Duration validity) {
        PasswordResetToken token = new PasswordResetToken();
        token.tokenHash = tokenHash;
        token.userId = userId;
        token.createdAt = now;
        token.expiresAt = now.plus(validity);
        return token;
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        usedAt = now;
    }

    public UUID userId() {
        return userId;
    }
}

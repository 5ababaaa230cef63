package dev.medi.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session, stored as the SHA-256 of its value. Valid for one use only. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshToken() {
        // for Hibernate
    }

    public static RefreshToken issue(String tokenHash, UUID sessionId, Instant now) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.sessionId = sessionId;
        token.issuedAt = now;
        return token;
    }

    /** True if the token was already exchanged: presenting it again is a replay. */
    public boolean rotated() {
        return rotatedAt != null;
    }

    public void rotate(Instant now) {
        rotatedAt = now;
    }

    public UUID sessionId() {
        return sessionId;
    }
}

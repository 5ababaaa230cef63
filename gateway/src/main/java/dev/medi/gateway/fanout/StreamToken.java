package dev.medi.gateway.fanout;

import dev.medi.platform.defaults.security.Caller;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Objects;

/**
 * The verified access token a live stream runs on: forwarded to queue-service for its snapshots, and what
 * binds the stream's life to it — it ends at {@code expiresAt}, when session {@code sessionId} is revoked or
 * when user {@code subject} is disabled, unless the WebSocket client re-authenticated in-band with a fresh
 * token of the same user and session.
 *
 * @param raw       the token text
 * @param subject   {@code sub}: the user id
 * @param sessionId {@code sid}: the sign-in session ({@code null} for tokens without one)
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 * @param caller    roles and departments, for what the stream may follow
 */
public record StreamToken(String raw, String subject, String sessionId, Instant issuedAt, Instant expiresAt, Caller caller) {

    /** Name of the session claim auth-service sets. */
    public static final String SESSION_CLAIM = "sid";

    public static StreamToken of(JsonWebToken token) {
        Object sid = token.getClaim(SESSION_CLAIM);
        String sessionId = sid instanceof JsonString json ? json.getString() : sid == null ? null : sid.toString();
        return new StreamToken(token.getRawToken(), token.getSubject(), sessionId,
                Instant.ofEpochSecond(token.getIssuedAtTime()), Instant.ofEpochSecond(token.getExpirationTime()),
                Caller.of(token));
    }

    /** Whether {@code fresh} may replace this one on the same stream: the same user, in the same sign-in session. */
    public boolean sameSessionAs(StreamToken fresh) {
        return subject != null && subject.equals(fresh.subject) && Objects.equals(sessionId, fresh.sessionId);
    }

    /** Without the token text: records end up in log lines. */
    @Override
    public String toString() {
        return "StreamToken[sub=" + subject + ", sid=" + sessionId + ", exp=" + expiresAt + "]";
    }
}

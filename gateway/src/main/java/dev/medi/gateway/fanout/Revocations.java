package dev.medi.gateway.fanout;

import dev.medi.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions revoked and users disabled recently, from auth-service's events, so that a token of theirs that is
 * still unexpired cannot open a live stream or re-authenticate one. Kept for {@code revocation-memory} (the
 * longest an access token lives, plus the clock skew): after that every token of theirs has expired anyway.
 */
@ApplicationScoped
public class Revocations {

    private final Duration memory;
    private final Clock clock;
    /** Revoked session id → when to forget it. */
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    /** Disabled user id → when it was disabled (tokens issued until then are refused). */
    private final Map<String, Instant> users = new ConcurrentHashMap<>();

    @Inject
    Revocations(GatewayConfig config) {
        this(config.fanout().revocationMemory(), Clock.systemUTC());
    }

    Revocations(Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    public void sessionRevoked(String sessionId) {
        forgetOld();
        sessions.put(sessionId, clock.instant().plus(memory));
    }

    public void userDisabled(String userId, Instant at) {
        forgetOld();
        users.merge(userId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** Whether the token belongs to a revoked session, or to a user disabled after it was issued. */
    public boolean refuses(StreamToken token) {
        if (token.sessionId() != null && sessions.containsKey(token.sessionId())) {
            return true;
        }
        Instant disabled = token.subject() == null ? null : users.get(token.subject());
        // iat has whole seconds: a token issued in the second of the disabling counts as before it
        return disabled != null && !token.issuedAt().isAfter(disabled);
    }

    private void forgetOld() {
        Instant now = clock.instant();
        sessions.values().removeIf(forgetAt -> forgetAt.isBefore(now));
        users.values().removeIf(disabledAt -> disabledAt.plus(memory).isBefore(now));
    }
}

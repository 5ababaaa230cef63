package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@link AuthEvents#SESSION_REVOKED}: a refresh session (a token family) ended; the gateway closes the
 * session's live streams on it.
 *
 * @param sessionId the session, the access tokens' {@code sid}
 * @param userId    its account, the access tokens' {@code sub}
 * @param reason    why: auth-service's {@code RefreshSession.EndReason} ({@code LOGOUT}, {@code REUSE_DETECTED},
 *                  {@code IDLE_TIMEOUT}, {@code ABSOLUTE_TIMEOUT}, {@code ACCOUNT_DISABLED}, {@code PASSWORD_CHANGED},
 *                  {@code PASSWORD_RESET}, {@code SECOND_FACTOR_RESET})
 * @param at        when
 */
public record AuthSessionRevoked(UUID sessionId, UUID userId, String reason, Instant at) {
}

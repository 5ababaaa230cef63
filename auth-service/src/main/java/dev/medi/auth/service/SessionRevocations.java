package dev.medi.auth.service;

import dev.medi.auth.RefreshSession;
import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.repository.RefreshSessionRepository;
import dev.medi.auth.messaging.AuthEventPublisher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Ends refresh sessions, each with a {@code medi.auth.session.revoked.v1} event in the same transaction. The
 * event carries {@code sessionId} (the access tokens' {@code sid}) and {@code userId} (their {@code sub}): the
 * gateway closes the live streams of that session on it, so every way a session ends — sign-out, reuse of a
 * rotated token, a password change or reset, a second-factor reset, a disabled account — reaches them.
 */
@ApplicationScoped
public class SessionRevocations {

    private final RefreshSessionRepository sessions;
    private final AuthEventPublisher events;

    SessionRevocations(RefreshSessionRepository sessions, AuthEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** Revokes the session (once) and records the event; inside a transaction. */
    public Uni<Void> revoke(RefreshSession session, EndReason reason, Instant now) {
        if (session.revoked()) {
            return Uni.createFrom().voidItem();
        }
        session.revoke(reason, now);
        return events.sessionRevoked(session, reason, now);
    }

    /** Revokes every open session of the user except {@code keep} (may be {@code null}); inside a transaction. */
    public Uni<Void> revokeOpen(UUID userId, UUID keep, EndReason reason, Instant now) {
        return sessions.openSessionsOf(userId).flatMap(open -> Multi.createFrom().iterable(open)
                .filter(session -> !session.id().equals(keep))
                // one after the other: a reactive session runs one statement at a time
                .onItem().transformToUniAndConcatenate(session -> revoke(session, reason, now))
                .collect().last()
                .replaceWithVoid());
    }
}

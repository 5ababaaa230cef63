package dev.medi.auth.repository;

import dev.medi.auth.RefreshSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RefreshSessionRepository implements PanacheRepositoryBase<RefreshSession, UUID> {

    /** Sessions of a user that can still be refreshed. */
    public Uni<List<RefreshSession>> openSessionsOf(UUID userId) {
        return list("userId = ?1 and revokedAt is null", userId);
    }

    /** Ends every open session of the user except {@code keep} (may be {@code null}); inside a transaction. */
    public Uni<Void> revokeOpen(UUID userId, UUID keep, RefreshSession.EndReason reason, Instant now) {
        return openSessionsOf(userId).invoke(open -> open.stream()
                .filter(session -> !session.id().equals(keep))
                .forEach(session -> session.revoke(reason, now))).replaceWithVoid();
    }
}

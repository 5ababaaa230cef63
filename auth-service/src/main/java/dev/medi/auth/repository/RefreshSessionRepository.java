package dev.medi.auth.repository;

import dev.medi.auth.RefreshSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RefreshSessionRepository implements PanacheRepositoryBase<RefreshSession, UUID> {

    /** Sessions of a user that can still be refreshed. */
    public Uni<List<RefreshSession>> openSessionsOf(UUID userId) {
        return list("userId = ?1 and revokedAt is null", userId);
    }
}

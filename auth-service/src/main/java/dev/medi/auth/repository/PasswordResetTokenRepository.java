package dev.medi.auth.repository;

import dev.medi.auth.PasswordResetToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PasswordResetTokenRepository implements PanacheRepositoryBase<PasswordResetToken, String> {

    /** Locked: a link clicked twice at once is used once. */
    public Uni<PasswordResetToken> findForUpdate(String tokenHash) {
        return findById(tokenHash, LockModeType.PESSIMISTIC_WRITE);
    }
}

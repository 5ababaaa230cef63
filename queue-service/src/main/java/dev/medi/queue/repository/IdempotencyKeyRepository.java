package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembered {@code Idempotency-Key}s of check-ins. A key is claimed by the check-in's own statement
 * ({@link CheckInRepository}): an insert that waits on a concurrent insert of the same key until that transaction
 * ends, so of fifty simultaneous requests with one key, one creates the entry and the others then find it here.
 */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** What a key was first used for. */
    public record Claim(String requestHash, UUID entryId) {
    }

    public Uni<Claim> find(String caller, String key) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select request_hash, entry_id from idempotency_keys where caller = ?1 and key = ?2", Object[].class)
                .setParameter(1, caller).setParameter(2, key)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Claim((String) rows.get(0)[0], (UUID) rows.get(0)[1]));
    }

    public Uni<Integer> forgetBefore(Instant cutoff) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "delete from idempotency_keys where created_at < ?1")
                .setParameter(1, cutoff).executeUpdate());
    }

}

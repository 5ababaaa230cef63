package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembered {@code Idempotency-Key}s of check-ins. Claiming a key is an insert that waits on a concurrent
 * insert of the same key until that transaction ends: of fifty simultaneous requests with one key, one
 * creates the entry and the others then find it.
 */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** What a key was first used for. */
    public record Claim(String requestHash, UUID entryId) {
    }

    /** Within the transaction: true if this request claimed the key, false if it was already taken. */
    public Uni<Boolean> claim(String caller, String key, String requestHash, UUID entryId, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into idempotency_keys (caller, key, request_hash, entry_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, entryId).setParameter(5, now)
                .executeUpdate()).map(inserted -> inserted == 1);
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

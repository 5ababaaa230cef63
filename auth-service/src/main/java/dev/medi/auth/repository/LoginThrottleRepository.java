package dev.medi.auth.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Attempt counters of sign-in keys (see V2__login_throttle.sql); atomic upserts, safe across replicas.
 * An attempt is counted before it is checked ({@link #reserve}) and given back when it succeeds
 * ({@link #refund}, {@link #forget}): the upsert holds the row lock until its transaction ends, so concurrent
 * attempts on one key are counted one after the other and each sees the block the previous one set.
 */
@ApplicationScoped
public class LoginThrottleRepository {

    /** Failures counted in the window after this attempt, and the seconds the key is still blocked (0: not). */
    public record Reservation(int failures, long blockedSeconds) {
        public boolean blocked() {
            return blockedSeconds > 0;
        }
    }

    // A blocked key is not counted (a refused attempt costs nothing and does not lengthen the block).
    private static final String RESERVE = """
            insert into login_throttle as t (key, failures, window_start, blocked_until) values (?1, 1, ?2, null)
            on conflict (key) do update set
                failures = case when t.blocked_until > ?2 then t.failures
                                when t.window_start < ?3 then 1 else t.failures + 1 end,
                window_start = case when t.blocked_until > ?2 then t.window_start
                                    when t.window_start < ?3 then ?2 else t.window_start end
            returning failures, greatest(0, ceil(extract(epoch from (blocked_until - ?2))))::int""";

    /** Within a transaction: counts one attempt of {@code key} at {@code now}, unless the key is blocked. */
    public Uni<Reservation> reserve(String key, Instant now, Duration window) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RESERVE, Object[].class)
                .setParameter(1, key)
                .setParameter(2, utc(now))
                .setParameter(3, utc(now.minus(window)))
                .getSingleResult()
                .map(row -> new Reservation(((Number) row[0]).intValue(), ((Number) row[1]).longValue())));
    }

    public Uni<Integer> blockUntil(String key, Instant until) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("update login_throttle set blocked_until = ?2 where key = ?1")
                .setParameter(1, key)
                .setParameter(2, utc(until))
                .executeUpdate());
    }

    /**
     * Gives back one counted attempt that turned out not to be a failure; a block that attempt set (its count
     * crossed {@code freeFailures}) is lifted with it.
     */
    public Uni<Integer> refund(String key, int freeFailures) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update login_throttle set failures = greatest(failures - 1, 0),
                            blocked_until = case when failures - 1 <= ?2 then null else blocked_until end
                        where key = ?1""")
                .setParameter(1, key)
                .setParameter(2, freeFailures)
                .executeUpdate());
    }

    public Uni<Integer> forget(String key) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from login_throttle where key = ?1")
                .setParameter(1, key)
                .executeUpdate());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

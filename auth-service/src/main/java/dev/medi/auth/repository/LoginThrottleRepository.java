package dev.medi.auth.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Failure counters of sign-in keys (see V2__login_throttle.sql); atomic upserts, safe across replicas. */
@ApplicationScoped
public class LoginThrottleRepository {

    private static final String COUNT_FAILURE = """
            insert into login_throttle as t (key, failures, window_start, blocked_until) values (?1, 1, ?2, null)
            on conflict (key) do update set
                failures = case when t.window_start < ?3 then 1 else t.failures + 1 end,
                window_start = case when t.window_start < ?3 then ?2 else t.window_start end
            returning failures""";

    /** Counts one failure of {@code key} at {@code now}; returns the failures in the current window. */
    public Uni<Integer> countFailure(String key, Instant now, Duration window) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COUNT_FAILURE, Integer.class)
                .setParameter(1, key)
                .setParameter(2, utc(now))
                .setParameter(3, utc(now.minus(window)))
                .getSingleResult());
    }

    public Uni<Integer> blockUntil(String key, Instant until) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("update login_throttle set blocked_until = ?2 where key = ?1")
                .setParameter(1, key)
                .setParameter(2, utc(until))
                .executeUpdate());
    }

    /** The latest time until which any of {@code keys} is refused, or {@code null}. */
    public Uni<Instant> blockedUntil(String accountKey, String addressKey, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select max(blocked_until) from login_throttle where key in (?1, ?2) and blocked_until > ?3",
                        OffsetDateTime.class)
                .setParameter(1, accountKey)
                .setParameter(2, addressKey)
                .setParameter(3, utc(now))
                .getSingleResult()
                .map(until -> until == null ? null : until.toInstant()));
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

package dev.medi.ai.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/** Model tokens spent per department and day ({@code ai_token_budget}). */
@ApplicationScoped
public class TokenBudgetRepository {

    /** Tokens the department spent on {@code day}; 0 when none. */
    public Uni<Long> used(UUID departmentId, LocalDate day) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select tokens_used from ai_token_budget where department_id = ?1 and day = ?2", Long.class)
                        .setParameter(1, departmentId)
                        .setParameter(2, day)
                        .getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? 0L : rows.get(0));
    }

    /** Inside a transaction: adds {@code tokens} to the department's day (one statement, safe with replicas). */
    public Uni<Void> spend(UUID departmentId, LocalDate day, long tokens) {
        if (tokens <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                insert into ai_token_budget as b (department_id, day, tokens_used) values (?1, ?2, ?3)
                                on conflict (department_id, day) do update set tokens_used = b.tokens_used + excluded.tokens_used""")
                        .setParameter(1, departmentId)
                        .setParameter(2, day)
                        .setParameter(3, tokens)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

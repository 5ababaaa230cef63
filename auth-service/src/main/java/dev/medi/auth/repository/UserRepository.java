package dev.medi.auth.repository;

import dev.medi.auth.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByUsername(String username) {
        return find("username", User.normalise(username)).firstResult();
    }

    /** The most a staff directory lists: far above any department's staff, a bound on the answer all the same. */
    public static final int DIRECTORY_LIMIT = 1000;

    /**
     * Active accounts working in {@code departmentId}, with {@code role} if given, ordered by display name (at most
     * {@link #DIRECTORY_LIMIT}).
     */
    public Uni<java.util.List<User>> activeInDepartment(UUID departmentId, String role) {
        String sql = "select * from users where active and ?1 = any(departments)"
                + (role == null ? "" : " and ?2 = any(roles)") + " order by lower(display_name), id limit " + DIRECTORY_LIMIT;
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, User.class).setParameter(1, departmentId);
            if (role != null) {
                query.setParameter(2, role);
            }
            return query.getResultList();
        });
    }

    /** One page of users ordered by user name, after {@code afterUsername} (keyset pagination). */
    public Uni<java.util.List<User>> page(String afterUsername, int size) {
        return afterUsername == null
                ? find("order by username").page(0, size).list()
                : find("username > ?1 order by username", User.normalise(afterUsername)).page(0, size).list();
    }
}

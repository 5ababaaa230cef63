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

    /** One page of users ordered by user name, after {@code afterUsername} (keyset pagination). */
    public Uni<java.util.List<User>> page(String afterUsername, int size) {
        return afterUsername == null
                ? find("order by username").page(0, size).list()
                : find("username > ?1 order by username", User.normalise(afterUsername)).page(0, size).list();
    }
}

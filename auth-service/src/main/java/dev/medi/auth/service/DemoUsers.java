package dev.medi.auth.service;

import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.repository.UserRepository;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The local run's demo accounts: one per role, members of the demo departments, with well-known
 * passwords printed at start. Off unless {@code medi.auth.demo-users=true} (the dev and test profiles):
 * production seeds nothing.
 */
@Singleton
public class DemoUsers {

    /** User name and password of a demo account; the role is the user name. */
    public static final List<String> ROLES = List.of(Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN);

    public static String passwordOf(String role) {
        return "medi-demo-" + role;
    }

    void seed(@Observes StartupEvent event, AuthConfig config, UserRepository users, PasswordHasher hasher) throws Throwable {
        if (!config.demoUsers()) {
            return;
        }
        Set<java.util.UUID> departments = Set.copyOf(config.demoDepartments());
        VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().iterable(ROLES)
                .onItem().transformToUniAndConcatenate(role -> ensure(role, departments, users, hasher))
                .collect().asList());
        StringBuilder table = new StringBuilder("demo accounts (user / password):");
        ROLES.forEach(role -> table.append("\n  ").append(role).append(" / ").append(passwordOf(role)));
        Log.info(table);
    }

    private static Uni<Void> ensure(String role, Set<java.util.UUID> departments, UserRepository users, PasswordHasher hasher) {
        return Panache.withSession(() -> users.findByUsername(role)).flatMap(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : hasher.hash(passwordOf(role)).flatMap(hash -> Panache.withTransaction(() -> users.persist(
                        User.create(role, role + "@demo.medi-os.local", "Demo " + role, hash, Set.of(role), departments,
                                Instant.now()))).replaceWithVoid()));
    }
}

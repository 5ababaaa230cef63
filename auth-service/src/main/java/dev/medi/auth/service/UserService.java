package dev.medi.auth.service;

import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.User;
import dev.medi.auth.repository.UserRepository;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.EventTypes;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.AuditTrail;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Account administration and self-service: every change audited and announced on medi.auth.events.v1. */
@ApplicationScoped
public class UserService {

    /** An admin's changes to an account; {@code null} fields stay as they are. */
    public record Changes(String email, String displayName, Set<String> roles, Set<UUID> departments, Boolean active) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AuditTrail audit;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    UserService(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
                Outbox outbox, OutboxRelay relay, AuditTrail audit, SessionRevocations revocations) {
        this.revocations = revocations;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.outbox = outbox;
        this.relay = relay;
        this.audit = audit;
    }

    public Uni<User> create(Caller admin, String username, String email, String displayName, Set<String> roles,
                           Set<UUID> departments, String initialPassword) {
        requireAcceptable(initialPassword, username, "initialPassword");
        return hasher.hash(initialPassword).flatMap(hash -> Panache.withTransaction(() -> users.findByUsername(username)
                        .flatMap(sameName -> users.find("email", User.normalise(email)).firstResult()
                                .flatMap(sameEmail -> {
                                    if (sameName != null || sameEmail != null) {
                                        throw new ProblemException(ProblemType.CONFLICT,
                                                "An account with this user name or e-mail address exists.");
                                    }
                                    User user = User.create(username, email, displayName, hash, roles, departments, clock.instant());
                                    return users.persist(user)
                                            .call(created -> announce(EventTypes.AUTH_USER_CREATED, created))
                                            .call(created -> audit.record(admin.username(), List.copyOf(admin.roles()),
                                                    "user.create", "user", created.id().toString(), "success"));
                                }))))
                .invoke(relay::wake);
    }

    public Uni<User> get(UUID id) {
        return Panache.withSession(() -> users.findById(id)).map(UserService::found);
    }

    public Uni<List<User>> page(String afterUsername, int size) {
        return Panache.withSession(() -> users.page(afterUsername, size));
    }

    /** Applies an admin's changes if the account is still at {@code expectedVersion}; disabling ends its sessions. */
    public Uni<User> update(Caller admin, UUID id, long expectedVersion, Changes changes) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> users.findById(id).map(UserService::found).flatMap(user -> {
                    if (user.version() != expectedVersion) {
                        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                                "The account was changed meanwhile. Reload it and apply your change again.");
                    }
                    boolean disabling = Boolean.FALSE.equals(changes.active()) && user.active();
                    user.update(changes.email(), changes.displayName(), changes.roles(), changes.departments(), now);
                    if (changes.active() != null) {
                        user.setActive(changes.active(), now);
                    }
                    Uni<Void> endSessions = disabling ? revocations.revokeOpen(user.id(), null, EndReason.ACCOUNT_DISABLED, now)
                            : Uni.createFrom().voidItem();
                    return endSessions
                            .call(() -> announce(disabling ? EventTypes.AUTH_USER_DISABLED : EventTypes.AUTH_USER_CHANGED, user))
                            .call(() -> audit.record(admin.username(), List.copyOf(admin.roles()),
                                    disabling ? "user.disable" : "user.update", "user", user.id().toString(), "success"))
                            .call(() -> users.flush())
                            .replaceWith(user);
                }))
                .invoke(relay::wake);
    }

    public Uni<User> own(Caller caller) {
        return Panache.withSession(() -> users.findByUsername(caller.username())).map(UserService::found);
    }

    public Uni<User> setPreferences(Caller caller, String theme, String locale) {
        return Panache.withTransaction(() -> users.findByUsername(caller.username()).map(UserService::found)
                .invoke(user -> user.setPreferences(theme, locale, clock.instant()))
                .call(user -> users.flush()));
    }

    /**
     * Re-verifies the current password before setting a new one, then ends the user's other sessions:
     * whoever knew the old password is signed out everywhere but here.
     */
    public Uni<Void> changePassword(Caller caller, UUID currentSession, String currentPassword, String newPassword) {
        return own(caller).flatMap(user -> hasher.verify(currentPassword, user.passwordHash()).flatMap(matches -> {
            if (!matches) {
                throw new ProblemException(ProblemType.FORBIDDEN, "The current password is not correct.");
            }
            requireAcceptable(newPassword, user.username(), "newPassword");
            return hasher.hash(newPassword);
        }).flatMap(hash -> {
            Instant now = clock.instant();
            return Panache.withTransaction(() -> users.findById(user.id()).map(UserService::found)
                    .invoke(fresh -> fresh.changePassword(hash, now))
                    .call(fresh -> revocations.revokeOpen(fresh.id(), currentSession, EndReason.PASSWORD_CHANGED, now))
                    .call(fresh -> audit.record(caller.username(), List.copyOf(caller.roles()), "user.password.change",
                            "user", fresh.id().toString(), "success"))
                    .replaceWithVoid());
        })).invoke(relay::wake);
    }

    void requireAcceptable(String password, String username, String field) {
        List<String> problems = policy.violations(password, username);
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The password does not meet the password policy.",
                    problems.stream().map(problem -> new Problem.FieldError(field, problem)).toList());
        }
    }

    private Uni<Void> announce(String type, User user) {
        return outbox.append(Topics.AUTH_EVENTS, user.id().toString(), type, EventSources.AUTH_SERVICE,
                user.id().toString(), Map.of("userId", user.id(), "roles", user.roles(),
                        "departments", user.departments(), "active", user.active())).replaceWithVoid();
    }

    private static User found(User user) {
        if (user == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such account.");
        }
        return user;
    }
}

package dev.medi.auth.service;

import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.User;
import dev.medi.auth.repository.UserRepository;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.auth.messaging.AuthEventPublisher;
import dev.medi.platform.outbox.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final AuthEventPublisher events;
    private final AuditTrail audit;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    UserService(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
                AuthEventPublisher events, AuditTrail audit, SessionRevocations revocations) {
        this.revocations = revocations;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
    }

    /** The password is hashed before the transaction (off the event loop, without holding a connection). */
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
                                            .call(created -> events.userCreated(created))
                                            .call(created -> audit.record(admin.username(), List.copyOf(admin.roles()),
                                                    "user.create", "user", created.id().toString(), "success"));
                                }))));
    }

    @WithSession
    public Uni<User> get(UUID id) {
        return users.findById(id).map(UserService::found);
    }

    @WithSession
    public Uni<List<User>> page(String afterUsername, int size) {
        return users.page(afterUsername, size);
    }

    /** Applies an admin's changes if the account is still at {@code expectedVersion}; disabling ends its sessions. */
    @WithTransaction
    public Uni<User> update(Caller admin, UUID id, long expectedVersion, Changes changes) {
        Instant now = clock.instant();
        return users.findById(id).map(UserService::found).flatMap(user -> {
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
                            .call(() -> events.userChanged(user, disabling))
                            .call(() -> audit.record(admin.username(), List.copyOf(admin.roles()),
                                    disabling ? "user.disable" : "user.update", "user", user.id().toString(), "success"))
                            .call(() -> users.flush())
                            .replaceWith(user);
                });
    }

    /**
     * The staff directory of a department: its active accounts (with {@code role}, if given). Any staff member of the
     * department may read it, admins every department's.
     *
     * @throws ProblemException 403 when the caller does not work in the department
     */
    @WithSession
    public Uni<List<User>> staff(Caller caller, UUID departmentId, String role) {
        caller.requireDepartment(departmentId);
        return users.activeInDepartment(departmentId, role);
    }

    @WithSession
    public Uni<User> own(Caller caller) {
        return users.findByUsername(caller.username()).map(UserService::found);
    }

    @WithTransaction
    public Uni<User> setPreferences(Caller caller, String theme, String locale) {
        return users.findByUsername(caller.username()).map(UserService::found)
                .invoke(user -> user.setPreferences(theme, locale, clock.instant()))
                .call(user -> users.flush());
    }

    /**
     * Re-verifies the current password before setting a new one, then ends the user's other sessions:
     * whoever knew the old password is signed out everywhere but here. The hashes are computed between the read and
     * the write, outside any transaction.
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
        }));
    }

    void requireAcceptable(String password, String username, String field) {
        List<String> problems = policy.violations(password, username);
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The password does not meet the password policy.",
                    problems.stream().map(problem -> new Problem.FieldError(field, problem)).toList());
        }
    }

    private static User found(User user) {
        if (user == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such account.");
        }
        return user;
    }
}

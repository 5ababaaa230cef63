package dev.medi.auth.service;

import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.RolePolicy;
import dev.medi.auth.User;
import dev.medi.auth.repository.RefreshSessionRepository;
import dev.medi.auth.repository.RolePolicyRepository;
import dev.medi.auth.repository.UserRepository;
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
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The TOTP second factor: a user enrols and confirms with a first code, may switch it off (re-entering
 * the password) unless a role requires it; an admin can reset it (lost phone) and require it per role.
 * Every change is audited and announced as a user change.
 */
@ApplicationScoped
public class SecondFactorService {

    private final UserRepository users;
    private final RefreshSessionRepository sessions;
    private final RolePolicyRepository policies;
    private final SecondFactor secondFactor;
    private final PasswordHasher hasher;
    private final AuthEventPublisher events;
    private final AuditTrail audit;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    SecondFactorService(UserRepository users, RefreshSessionRepository sessions, RolePolicyRepository policies,
                        SecondFactor secondFactor, PasswordHasher hasher, AuthEventPublisher events,
                        AuditTrail audit, SessionRevocations revocations) {
        this.revocations = revocations;
        this.users = users;
        this.sessions = sessions;
        this.policies = policies;
        this.secondFactor = secondFactor;
        this.hasher = hasher;
        this.events = events;
        this.audit = audit;
    }

    /** A fresh secret for the caller's authenticator app; the current factor stays active until confirmed. */
    @WithTransaction
    public Uni<SecondFactor.Enrolment> enrol(Caller caller) {
        Instant now = clock.instant();
        return own(caller).map(user -> {
            SecondFactor.Enrolment enrolment = secondFactor.enrol(user.id(), user.username());
            user.startTotpEnrolment(enrolment.encryptedSecret(), now);
            return enrolment;
        });
    }

    /**
     * Activates the pending secret if {@code code} matches it. The calling session counts as verified with
     * the second factor from now on, so its next refresh is no longer limited to enrolment.
     */
    @WithTransaction
    public Uni<User> confirm(Caller caller, UUID sessionId, String code) {
        Instant now = clock.instant();
        return own(caller).flatMap(user -> {
                    if (user.totpPendingSecret() == null) {
                        throw new ProblemException(ProblemType.CONFLICT, "Start the set-up first: no code is expected.");
                    }
                    OptionalLong step = secondFactor.verify(user.id(), user.totpPendingSecret(), code, now);
                    if (step.isEmpty()) {
                        throw new ProblemException(ProblemType.VALIDATION, "The code does not match. Check the time on your phone and try the next code.",
                                List.of(new dev.medi.platform.defaults.Problem.FieldError("code", "does not match")));
                    }
                    user.confirmTotp(step.getAsLong(), now);
                    Uni<Void> upgrade = sessionId == null ? Uni.createFrom().voidItem()
                            : sessions.findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
                                    .invoke(session -> {
                                        if (session != null && session.userId().equals(user.id())) {
                                            session.secondFactorVerified();
                                        }
                                    }).replaceWithVoid();
                    return upgrade.call(() -> changed(caller, user, "user.second-factor.enable"))
                            .call(users::flush)
                            .replaceWith(user);
                });
    }

    /**
     * Switches the factor off after re-checking the password (hashed between the read and the write, outside any
     * transaction); refused while a role of the user requires it.
     */
    public Uni<User> disable(Caller caller, String currentPassword) {
        return Panache.withSession(() -> own(caller)).flatMap(user -> hasher.verify(currentPassword, user.passwordHash())
                .flatMap(matches -> {
                    if (!matches) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "The current password is not correct.");
                    }
                    Instant now = clock.instant();
                    return Panache.withTransaction(() -> users.findById(user.id()).flatMap(fresh ->
                            policies.totpRequiredForAny(fresh.roles()).flatMap(required -> {
                                if (required) {
                                    throw new ProblemException(ProblemType.CONFLICT,
                                            "One of your roles requires a second factor; it cannot be switched off.");
                                }
                                fresh.disableTotp(now);
                                return changed(caller, fresh, "user.second-factor.disable").call(users::flush).replaceWith(fresh);
                            })));
                }));
    }

    /**
     * Admin reset for a lost or replaced phone: the factor is removed and every session of the user ends,
     * so the next sign-in goes through enrolment again.
     */
    @WithTransaction
    public Uni<User> reset(Caller admin, UUID userId) {
        Instant now = clock.instant();
        return users.findById(userId).flatMap(user -> {
                    if (user == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No such account.");
                    }
                    user.disableTotp(now);
                    return revocations.revokeOpen(user.id(), null, EndReason.SECOND_FACTOR_RESET, now)
                            .call(() -> changed(admin, user, "user.second-factor.reset"))
                            .call(users::flush)
                            .replaceWith(user);
                });
    }

    @WithSession
    public Uni<List<RolePolicy>> policies() {
        return policies.all();
    }

    /** Sets whether {@code role} requires a second factor. Sessions without one are limited at their next refresh. */
    @WithTransaction
    public Uni<RolePolicy> requireForRole(Caller admin, String role, boolean required) {
        Instant now = clock.instant();
        return policies.findById(role).flatMap(policy -> {
                    if (policy == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No such role.");
                    }
                    policy.requireTotp(required, admin.username(), now);
                    return audit.record(admin.username(), List.copyOf(admin.roles()),
                                    required ? "role.second-factor.require" : "role.second-factor.optional",
                                    "role", role, "success")
                            .call(policies::flush)
                            .replaceWith(policy);
                });
    }

    private Uni<User> own(Caller caller) {
        return users.findByUsername(caller.username()).map(user -> {
            if (user == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "No such account.");
            }
            return user;
        });
    }

    private Uni<Void> changed(Caller actor, User user, String action) {
        return events.secondFactorChanged(user)
                .call(() -> audit.record(actor.username(), List.copyOf(actor.roles()), action, "user", user.id().toString(), "success"))
                .replaceWithVoid();
    }
}

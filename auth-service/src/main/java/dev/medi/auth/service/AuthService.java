package dev.medi.auth.service;

import dev.medi.auth.RefreshSession;
import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.RefreshToken;
import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.repository.RefreshSessionRepository;
import dev.medi.auth.repository.RefreshTokenRepository;
import dev.medi.auth.repository.RolePolicyRepository;
import dev.medi.auth.repository.UserRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.auth.messaging.AuthEventPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;

/** Login, refresh-token rotation with reuse detection, logout. */
@ApplicationScoped
public class AuthService {

    /** What a successful login or refresh hands out. */
    public record Tokens(String accessToken, long expiresInSeconds, String refreshToken) {
    }

    /** Outcome of a refresh transaction: tokens, or why not (decided inside, thrown after commit). */
    private record Refreshed(Tokens tokens, EndReason ended) {
    }

    private static final String SIGN_IN_AGAIN = "The session has ended. Sign in again.";

    private final UserRepository users;
    private final RefreshSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final AuthConfig config;
    private final AuthEventPublisher events;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final RolePolicyRepository policies;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    AuthService(UserRepository users, RefreshSessionRepository sessions, RefreshTokenRepository refreshTokens,
                PasswordHasher hasher, TokenIssuer issuer, AuthConfig config, AuthEventPublisher events,
                LoginThrottle throttle, SecondFactor secondFactor, RolePolicyRepository policies,
                SessionRevocations revocations) {
        this.revocations = revocations;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.policies = policies;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.config = config;
        this.events = events;
    }

    /**
     * Same answer for an unknown user, a wrong password and a disabled account (no enumeration);
     * throttled per account, per client {@code address} and per both ({@link LoginThrottle}). An account with a second factor also
     * needs {@code code}: without one the answer is {@code second-factor-required} (only after the
     * password matched), a wrong or replayed code counts as a failed attempt. Several transactions by design: the
     * attempt is counted and committed first, the password is hashed outside any transaction, the refusal is
     * recorded in a transaction of its own.
     */
    public Uni<Tokens> login(String username, String password, String code, String address) {
        Instant attempt = clock.instant();
        // counted (and committed) before the hash is computed: concurrent guesses cannot all slip through
        return throttle.reserveSignIn(username, address, attempt)
                .chain(() -> Panache.withSession(() -> users.findByUsername(username)))
                .flatMap(user -> hasher.verify(password, user == null ? null : user.passwordHash())
                        .map(matches -> new Attempt(user, matches)))
                .flatMap(tried -> {
                    Instant now = clock.instant();
                    if (!tried.succeeded()) {
                        return refuse(tried, now);
                    }
                    if (tried.user().totpEnabled() && (code == null || code.isBlank())) {
                        return throttle.signInNotFailed(username, address).invoke(() -> {
                            throw new ProblemException(ProblemType.SECOND_FACTOR_REQUIRED,
                                    "Enter the code from your authenticator app.");
                        }).replaceWith((Tokens) null);
                    }
                    return Panache.withTransaction(() -> users.findById(tried.user().id()).flatMap(user -> {
                                if (user.totpEnabled()) {
                                    OptionalLong step = secondFactor.verify(user.id(), user.totpSecret(), code, now);
                                    if (step.isEmpty() || !user.acceptTotpStep(step.getAsLong())) {
                                        return Uni.createFrom().item(new SignIn(new Attempt(user, true, false), null));
                                    }
                                    return startSession(user, true, false, now).map(tokens -> new SignIn(tried, tokens));
                                }
                                return policies.totpRequiredForAny(user.roles())
                                        .flatMap(required -> startSession(user, false, required, now))
                                        .map(tokens -> new SignIn(tried, tokens));
                            })
                            .call(signIn -> signIn.tokens() == null ? Uni.createFrom().voidItem()
                                    : throttle.signInSucceeded(username, address)
                                            .call(() -> events.loginSucceeded(signIn.attempt().user(), now))))
                            .flatMap(signIn -> signIn.tokens() != null ? Uni.createFrom().item(signIn.tokens())
                                    : refuse(signIn.attempt(), now));
                });
    }

    /** Records the security event, answers 401 — the same for every reason (the attempt was counted already). */
    private Uni<Tokens> refuse(Attempt tried, Instant now) {
        Log.info("login failed"); // no user name: people type passwords into that field
        return Panache.withTransaction(() -> loginFailed(tried, now))
                .invoke(() -> {
                    throw new ProblemException(ProblemType.UNAUTHORIZED, "Wrong user name, password or code.");
                })
                .replaceWith((Tokens) null);
    }

    /** A sign-in attempt: the account found under the name (if any), whether the password and the code matched. */
    private record Attempt(User user, boolean passwordMatched, boolean codeMatched) {
        Attempt(User user, boolean passwordMatched) {
            this(user, passwordMatched, true);
        }

        boolean succeeded() {
            return user != null && passwordMatched && codeMatched && user.active();
        }

        String failure() {
            return user == null ? "unknown-account" : !passwordMatched ? "wrong-password"
                    : !codeMatched ? "wrong-second-factor" : "disabled";
        }
    }

    /** The outcome of the sign-in transaction: tokens, or the attempt to refuse. */
    private record SignIn(Attempt attempt, Tokens tokens) {
    }

    /**
     * Security event for a failed sign-in. Keyed by the account when it exists; for an unknown name nothing
     * identifying is recorded (the typed name may be a password typed into the wrong field).
     */
    private Uni<Void> loginFailed(Attempt tried, Instant now) {
        return events.loginFailed(tried.user(), tried.failure(), now);
    }

    /**
     * Exchanges a refresh token for new tokens. The presented token is spent; presenting it again revokes
     * the whole session (its family), because only a thief or a replay would do that. The revocation commits
     * before the 401 is thrown (a declarative transaction would roll it back).
     */
    public Uni<Tokens> refresh(String refreshToken) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> refreshTokens.findForUpdate(sha256(refreshToken))
                        .flatMap(stored -> stored == null
                                ? Uni.createFrom().item(new Refreshed(null, EndReason.LOGOUT))
                                : sessions.findById(stored.sessionId(), LockModeType.PESSIMISTIC_WRITE)
                                        .flatMap(session -> rotate(stored, session, now))))
                .map(refreshed -> {
                    if (refreshed.tokens() == null) {
                        throw new ProblemException(ProblemType.UNAUTHORIZED, SIGN_IN_AGAIN);
                    }
                    return refreshed.tokens();
                });
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
    @WithTransaction
    public Uni<Void> logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return refreshTokens.findById(sha256(refreshToken))
                .flatMap(stored -> stored == null ? Uni.createFrom().voidItem()
                        : sessions.findById(stored.sessionId(), LockModeType.PESSIMISTIC_WRITE)
                                .flatMap(session -> end(session, EndReason.LOGOUT, now)));
    }

    private Uni<Refreshed> rotate(RefreshToken stored, RefreshSession session, Instant now) {
        if (stored.rotated()) {
            Log.warnf("refresh token reuse detected: session %s revoked", session.id());
            return end(session, EndReason.REUSE_DETECTED, now).replaceWith(new Refreshed(null, EndReason.REUSE_DETECTED));
        }
        EndReason expired = session.expiry(now, config.sessionIdleTimeout(), config.sessionAbsoluteLifetime());
        if (expired != null) {
            return end(session, expired, now).replaceWith(new Refreshed(null, expired));
        }
        return users.findById(session.userId()).flatMap(user -> {
            if (user == null || !user.active()) {
                return end(session, EndReason.LOGOUT, now).replaceWith(new Refreshed(null, EndReason.LOGOUT));
            }
            stored.rotate(now);
            session.touch(now);
            String next = issuer.newRefreshToken();
            // the role policy may have changed since login: a session without the second factor is
            // held to enrolment for as long as one of the user's roles requires it
            return policies.totpRequiredForAny(user.roles())
                    .map(required -> required && !session.secondFactor())
                    .call(() -> refreshTokens.persist(RefreshToken.issue(sha256(next), session.id(), now)))
                    .map(enrolmentOnly -> new Refreshed(new Tokens(issuer.accessToken(user, session.id(),
                            session.secondFactor(), enrolmentOnly, session.createdAt(), now), issuer.accessTokenTtlSeconds(), next), null));
        });
    }

    private Uni<Tokens> startSession(User user, boolean secondFactor, boolean enrolmentOnly, Instant now) {
        RefreshSession session = RefreshSession.start(user.id(), now, secondFactor);
        String refreshToken = issuer.newRefreshToken();
        return sessions.persist(session)
                .call(ignored -> refreshTokens.persist(RefreshToken.issue(sha256(refreshToken), session.id(), now)))
                .replaceWith(() -> new Tokens(issuer.accessToken(user, session.id(), secondFactor, enrolmentOnly, now, now),
                        issuer.accessTokenTtlSeconds(), refreshToken));
    }

    /** Revokes the session (once) and records the security event in the same transaction. */
    private Uni<Void> end(RefreshSession session, EndReason reason, Instant now) {
        return revocations.revoke(session, reason, now);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

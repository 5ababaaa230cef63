package dev.medi.auth.service;

import dev.medi.auth.LoginThrottlePolicy;
import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.repository.LoginThrottleRepository;
import dev.medi.platform.defaults.RateLimitedException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Throttles sign-in guessing (OWASP ASVS V6.3.1), client-secret guessing and password-reset requests.
 * The policy (ADR 0009): a sign-in attempt counts against three keys — the account from this client address
 * (few free failures: stops guessing one account), the account from anywhere (more: stops a guess spread
 * over many addresses, slows only that account) and the address for any account (many: stops spraying one
 * password over many accounts, and never trips on one user's typos). After a key's free failures each
 * further failure doubles its wait, up to {@code max-block}; nothing locks for good.
 *
 * <p>The attempt is counted before the password is checked, atomically per key ({@link #reserveSignIn});
 * a blocked key refuses with 429 whatever the password, so the answer reveals nothing and an attack cannot
 * make the service burn CPU on hashing. A sign-in that succeeds gives its count back.
 */
@ApplicationScoped
public class LoginThrottle {

    /** One key with the policy it is counted under. */
    private record Limit(String key, LoginThrottlePolicy policy) {
    }

    private final LoginThrottleRepository counters;
    private final LoginThrottlePolicy accountAddressPolicy;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy addressPolicy;
    private final LoginThrottlePolicy resetPolicy;
    private final Duration window;

    LoginThrottle(LoginThrottleRepository counters, AuthConfig config) {
        AuthConfig.Throttle throttle = config.throttle();
        this.counters = counters;
        this.accountAddressPolicy = new LoginThrottlePolicy(throttle.accountAddressFreeFailures(), throttle.maxBlock());
        this.accountPolicy = new LoginThrottlePolicy(throttle.accountFreeFailures(), throttle.maxBlock());
        this.addressPolicy = new LoginThrottlePolicy(throttle.addressFreeFailures(), throttle.maxBlock());
        this.resetPolicy = new LoginThrottlePolicy(throttle.resetFreeRequests(), throttle.maxBlock());
        this.window = throttle.window();
    }

    /**
     * In a transaction of its own, committed before the password is checked: counts the attempt for each of
     * its keys, or fails with 429 and Retry-After (counting nothing) while one of them is blocked.
     */
    @WithTransaction
    public Uni<Void> reserveSignIn(String username, String address, Instant now) {
        return reserve(signInLimits(username, address), "Too many failed sign-ins.", now);
    }

    /** Within a transaction: a correct password (and code) clears the account's counts and gives the address's back. */
    public Uni<Void> signInSucceeded(String username, String address) {
        return counters.forget(accountAddressKey(username, address))
                .call(() -> counters.forget(accountKey(username)))
                .call(() -> counters.refund(addressKey(address), addressPolicy.freeFailures()))
                .replaceWithVoid();
    }

    /** In a transaction of its own: the password was right but the second factor is still to come; not a failure. */
    @WithTransaction
    public Uni<Void> signInNotFailed(String username, String address) {
        return refund(signInLimits(username, address));
    }

    /** The client-credentials grant: secrets are guessed like passwords, so the same rules per client id. */
    @WithTransaction
    public Uni<Void> reserveClient(String clientId, String address, Instant now) {
        return reserve(clientLimits(clientId, address), "Too many failed token requests.", now);
    }

    /** Within a transaction. */
    public Uni<Void> clientSucceeded(String clientId, String address) {
        return counters.forget(clientKey(clientId))
                .call(() -> counters.refund(addressKey(address), addressPolicy.freeFailures()))
                .replaceWithVoid();
    }

    /**
     * Within a transaction: every reset request counts (not only failures), per e-mail address and per
     * client address, so the endpoint cannot be used to flood someone's mailbox. Refused with 429 whether
     * or not an account has the address: the answer still says nothing about accounts.
     */
    public Uni<Void> passwordResetRequested(String email, String address, Instant now) {
        // the address has its own reset budget: reset requests must not eat into its sign-in budget
        return reserve(List.of(new Limit(resetKey(email), resetPolicy), new Limit("reset-" + addressKey(address), addressPolicy)),
                "Too many reset requests.", now);
    }

    private List<Limit> signInLimits(String username, String address) {
        return List.of(new Limit(accountAddressKey(username, address), accountAddressPolicy),
                new Limit(accountKey(username), accountPolicy),
                new Limit(addressKey(address), addressPolicy));
    }

    private List<Limit> clientLimits(String clientId, String address) {
        return List.of(new Limit(clientKey(clientId), accountAddressPolicy), new Limit(addressKey(address), addressPolicy));
    }

    /**
     * Counts the attempt for every key, in key order (two attempts sharing keys lock their rows in the same
     * order: no deadlock), blocking each key whose count passed its free failures. Fails if any key was
     * already blocked; the caller's transaction then rolls back, so a refused attempt counts nowhere.
     */
    private Uni<Void> reserve(List<Limit> limits, String message, Instant now) {
        List<Limit> ordered = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
        Uni<Long> blocked = Uni.createFrom().item(0L);
        for (Limit limit : ordered) {
            blocked = blocked.flatMap(longest -> counters.reserve(limit.key(), now, window).flatMap(reservation -> {
                if (reservation.blocked()) {
                    return Uni.createFrom().item(Math.max(longest, reservation.blockedSeconds()));
                }
                Duration block = limit.policy().blockAfter(reservation.failures());
                if (block.isZero()) {
                    return Uni.createFrom().item(longest);
                }
                Log.infof("sign-in key throttled for %d s after %d failures", block.toSeconds(), reservation.failures());
                return counters.blockUntil(limit.key(), now.plus(block)).replaceWith(longest);
            }));
        }
        return blocked.map(seconds -> {
            if (seconds > 0) {
                throw new RateLimitedException(message + " Try again in " + seconds + " s.", Duration.ofSeconds(seconds));
            }
            return null;
        });
    }

    private Uni<Void> refund(List<Limit> limits) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Limit limit : limits.stream().sorted(Comparator.comparing(Limit::key)).toList()) {
            done = done.call(() -> counters.refund(limit.key(), limit.policy().freeFailures()));
        }
        return done;
    }

    private static String accountAddressKey(String username, String address) {
        // an address never contains '/', so the pair cannot collide with another pair
        return "account-address:" + address + "/" + User.normalise(username);
    }

    private static String accountKey(String username) {
        return "account:" + User.normalise(username);
    }

    private static String clientKey(String clientId) {
        return "client:" + clientId;
    }

    private static String resetKey(String email) {
        return "reset:" + User.normalise(email);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

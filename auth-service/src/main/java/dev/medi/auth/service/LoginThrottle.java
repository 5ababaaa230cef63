package dev.medi.auth.service;

import dev.medi.auth.LoginThrottlePolicy;
import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.repository.LoginThrottleRepository;
import dev.medi.platform.defaults.RateLimitedException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Throttles sign-in guessing per account name and per client address (OWASP ASVS V6.3.1), client-secret
 * guessing per client id, and password-reset requests per e-mail address. A refused
 * attempt is refused before the password is checked, whatever the password: the answer reveals
 * nothing, and an attack cannot make the service burn CPU on hashing.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository counters;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy addressPolicy;
    private final LoginThrottlePolicy resetPolicy;
    private final Duration window;

    LoginThrottle(LoginThrottleRepository counters, AuthConfig config) {
        this.counters = counters;
        this.accountPolicy = new LoginThrottlePolicy(config.throttle().accountFreeFailures(), config.throttle().maxBlock());
        this.addressPolicy = new LoginThrottlePolicy(config.throttle().addressFreeFailures(), config.throttle().maxBlock());
        this.resetPolicy = new LoginThrottlePolicy(config.throttle().resetFreeRequests(), config.throttle().maxBlock());
        this.window = config.throttle().window();
    }

    /** Within a session: fails with 429 and Retry-After while the account or the address is blocked. */
    public Uni<Void> requireAllowed(String username, String address, Instant now) {
        return requireAllowed(accountKey(username), addressKey(address), "Too many failed sign-ins.", now);
    }

    /** Within a transaction: counts a failure for both keys and blocks them as the policy says. */
    public Uni<Void> failed(String username, String address, Instant now) {
        return count(accountKey(username), accountPolicy, now).call(() -> count(addressKey(address), addressPolicy, now));
    }

    /** Within a transaction: a correct password clears the account's count (not the address's). */
    public Uni<Void> succeeded(String username) {
        return counters.forget(accountKey(username)).replaceWithVoid();
    }

    /** The client-credentials grant: secrets are guessed like passwords, so the same rules per client id. */
    public Uni<Void> requireClientAllowed(String clientId, String address, Instant now) {
        return requireAllowed(clientKey(clientId), addressKey(address), "Too many failed token requests.", now);
    }

    public Uni<Void> clientFailed(String clientId, String address, Instant now) {
        return count(clientKey(clientId), accountPolicy, now).call(() -> count(addressKey(address), addressPolicy, now));
    }

    public Uni<Void> clientSucceeded(String clientId) {
        return counters.forget(clientKey(clientId)).replaceWithVoid();
    }

    /**
     * Within a transaction: every reset request counts (not only failures), per e-mail address and per
     * client address, so the endpoint cannot be used to flood someone's mailbox. Refused with 429 whether
     * or not an account has the address: the answer still says nothing about accounts.
     */
    public Uni<Void> passwordResetRequested(String email, String address, Instant now) {
        // the address has its own reset budget: reset requests must not eat into its sign-in budget
        String resetAddress = "reset-" + addressKey(address);
        return requireAllowed(resetKey(email), resetAddress, "Too many reset requests.", now)
                .call(() -> count(resetKey(email), resetPolicy, now))
                .call(() -> count(resetAddress, addressPolicy, now));
    }

    private Uni<Void> requireAllowed(String key, String address, String message, Instant now) {
        return counters.blockedUntil(key, address, now).map(until -> {
            if (until != null) {
                long seconds = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
                throw new RateLimitedException(message + " Try again in " + seconds + " s.", Duration.ofSeconds(seconds));
            }
            return null;
        });
    }

    private Uni<Void> count(String key, LoginThrottlePolicy policy, Instant now) {
        return counters.countFailure(key, now, window).flatMap(failures -> {
            Duration block = policy.blockAfter(failures);
            if (block.isZero()) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("sign-in throttled for %d s after %d failures", block.toSeconds(), failures);
            return counters.blockUntil(key, now.plus(block)).replaceWithVoid();
        });
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

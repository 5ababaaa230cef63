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
 * Throttles sign-in guessing per account name and per client address (OWASP ASVS V6.3.1). A refused
 * attempt is refused before the password is checked, whatever the password: the answer reveals
 * nothing, and an attack cannot make the service burn CPU on hashing.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository counters;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy addressPolicy;
    private final Duration window;

    LoginThrottle(LoginThrottleRepository counters, AuthConfig config) {
        this.counters = counters;
        this.accountPolicy = new LoginThrottlePolicy(config.throttle().accountFreeFailures(), config.throttle().maxBlock());
        this.addressPolicy = new LoginThrottlePolicy(config.throttle().addressFreeFailures(), config.throttle().maxBlock());
        this.window = config.throttle().window();
    }

    /** Within a session: fails with 429 and Retry-After while the account or the address is blocked. */
    public Uni<Void> requireAllowed(String username, String address, Instant now) {
        return counters.blockedUntil(accountKey(username), addressKey(address), now).map(until -> {
            if (until != null) {
                long seconds = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
                throw new RateLimitedException("Too many failed sign-ins. Try again in " + seconds + " s.",
                        Duration.ofSeconds(seconds));
            }
            return null;
        });
    }

    /** Within a transaction: counts a failure for both keys and blocks them as the policy says. */
    public Uni<Void> failed(String username, String address, Instant now) {
        return count(accountKey(username), accountPolicy, now).call(() -> count(addressKey(address), addressPolicy, now));
    }

    /** Within a transaction: a correct password clears the account's count (not the address's). */
    public Uni<Void> succeeded(String username) {
        return counters.forget(accountKey(username)).replaceWithVoid();
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

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

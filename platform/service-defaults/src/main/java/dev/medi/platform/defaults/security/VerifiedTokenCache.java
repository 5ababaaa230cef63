package dev.medi.platform.defaults.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;

/**
 * Access tokens that passed full verification, keyed by the exact token text, so that a client sending the
 * same token again (a reception desk sends many requests with one) costs a map lookup instead of an RSA
 * signature check and JSON parsing. Any changed character is a different key and is verified in full; only
 * successful verifications are remembered.
 * <p>
 * An entry lives until the earlier of {@code medi.jwt.cache.max-age} and the moment the token stops being
 * valid, and every hit checks that moment again against the clock, with the same clock skew the verifier
 * allows: an expired token is never accepted from here. The price: a token stays accepted for up to max-age
 * after its signing key is withdrawn from the key set (ADR 0004).
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Prometheus: {@code medi_jwt_cache_requests_total{result="hit"|"miss"}}. */
    static final String REQUESTS_METRIC = "medi.jwt.cache.requests";
    static final String SIZE_METRIC = "medi.jwt.cache.size";

    /** What verifies a token when the cache cannot answer. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    /** {@code validBefore}: first epoch second at which the verifier would refuse the token as expired. */
    private record Entry(ImmutableJsonWebToken token, long validBefore) {
    }

    private final boolean enabled;
    private final Duration maxAge;
    private final long expirySkewSeconds;
    private final Long maxTokenAgeSeconds;
    private final Clock clock;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter misses;

    @Inject
    VerifiedTokenCache(JwtCacheConfig config, JWTAuthContextInfo verification, MeterRegistry registry) {
        this(config, verification, registry, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** {@code clock} decides expiry on a hit, {@code ticker} ages the entries; tests pass their own. */
    VerifiedTokenCache(JwtCacheConfig config, JWTAuthContextInfo verification, MeterRegistry registry,
                       Clock clock, Ticker ticker) {
        this.enabled = config.enabled();
        this.maxAge = config.maxAge();
        // as smallrye-jwt's DefaultJWTTokenParser: the grace period, when set, replaces the clock skew
        this.expirySkewSeconds = verification.getExpGracePeriodSecs() > 0
                ? verification.getExpGracePeriodSecs() : Math.max(0, verification.getClockSkew());
        this.maxTokenAgeSeconds = verification.getTokenAge();
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxEntries())
                .expireAfter(Expiry.writing((String token, Entry entry) -> lifetime(entry)))
                .ticker(ticker)
                .build();
        this.hits = requests(registry, "hit");
        this.misses = requests(registry, "miss");
        Gauge.builder(SIZE_METRIC, entries, Cache::estimatedSize)
                .description("Verified access tokens held for reuse").register(registry);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The token as verified earlier, or null when it is not held (or caching is off).
     *
     * @throws ParseException when it was held but has expired since: the verifier would refuse it too
     */
    public JsonWebToken find(String token) throws ParseException {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.getIfPresent(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds() >= entry.validBefore()) {
            entries.invalidate(token);
            misses.increment();
            throw new ParseException("The access token has expired");
        }
        hits.increment();
        return entry.token();
    }

    /** The held verification of {@code token}, else {@code verifier}'s, which is then held if it succeeds. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        if (!enabled) {
            return verifier.verify(token);
        }
        JsonWebToken held = find(token);
        if (held != null) {
            return held;
        }
        misses.increment();
        // a failure propagates before anything is stored: refusals are never cached
        JsonWebToken verified = verifier.verify(token);
        ImmutableJsonWebToken shared = new ImmutableJsonWebToken(verified);
        Entry entry = new Entry(shared, validBefore(verified));
        if (!lifetime(entry).isZero()) {
            entries.put(token, entry);
        }
        return shared;
    }

    private long validBefore(JsonWebToken verified) {
        // jose4j refuses from exp + skew on; smallrye-jwt's token-age check once now - iat > age
        long validBefore = verified.getExpirationTime() + expirySkewSeconds;
        if (maxTokenAgeSeconds != null) {
            validBefore = Math.min(validBefore, verified.getIssuedAtTime() + maxTokenAgeSeconds + 1);
        }
        return validBefore;
    }

    private Duration lifetime(Entry entry) {
        Duration untilInvalid = Duration.ofSeconds(Math.max(0, entry.validBefore() - nowSeconds()));
        return untilInvalid.compareTo(maxAge) < 0 ? untilInvalid : maxAge;
    }

    private long nowSeconds() {
        // whole seconds, rounded down, like jose4j's NumericDate.now()
        return clock.instant().getEpochSecond();
    }

    private static Counter requests(MeterRegistry registry, String result) {
        return Counter.builder(REQUESTS_METRIC).tag("result", result)
                .description("Access tokens answered from the verified-token cache (hit) or verified in full (miss)")
                .register(registry);
    }
}

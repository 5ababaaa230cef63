package dev.medi.platform.defaults.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real RS256 tokens in auth-service's format, smallrye-jwt's real parser configured as the services
 * configure it (issuer, audience, RS256, 30 s skew), and a clock and ticker the test moves by hand.
 */
final class TokenFixture {

    static final String ISSUER = "https://auth.medi-os.local";
    static final String AUDIENCE = "medi-os";
    static final int CLOCK_SKEW_SECONDS = 30;
    static final String DEPARTMENT = "0193a000-0000-7000-8000-000000000001";

    private static final RsaJsonWebKey SIGNING_KEY = generateKey();

    final MeterRegistry registry = new SimpleMeterRegistry();
    final CountingParser verifier = new CountingParser(verification());
    /** Wall clock the cache checks {@code exp} against; starts at the real time, as the verifier's does. */
    final MovableClock clock = new MovableClock(Instant.now());
    /** Caffeine's entry-age clock, moved separately. */
    final MovableTicker ticker = new MovableTicker();

    VerifiedTokenCache cache(boolean enabled) {
        return new VerifiedTokenCache(config(enabled), verification(), registry, clock, ticker);
    }

    double requests(String result) {
        return registry.get(VerifiedTokenCache.REQUESTS_METRIC).tag("result", result).counter().count();
    }

    /** A receptionist's access token valid for {@code ttl} from the real current time. */
    static String token(Duration ttl) {
        return sign(claims(ttl));
    }

    static JwtClaims claims(Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("0193a000-0000-7000-8000-0000000000aa");
        claims.setClaim("upn", "test.receptionist");
        claims.setStringListClaim("groups", "receptionist");
        claims.setStringListClaim("departments", DEPARTMENT);
        claims.setStringListClaim("amr", "pwd");
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + ttl.toSeconds()));
        claims.setGeneratedJwtId();
        return claims;
    }

    static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(SIGNING_KEY.getPrivateKey());
        jws.setKeyIdHeaderValue("test-key");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTAuthContextInfo verification() {
        JWTAuthContextInfo verification = new JWTAuthContextInfo(SIGNING_KEY.getRsaPublicKey(), ISSUER);
        verification.setExpectedAudience(Set.of(AUDIENCE));
        verification.setClockSkew(CLOCK_SKEW_SECONDS);
        return verification;
    }

    private static JwtCacheConfig config(boolean enabled) {
        return new JwtCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofSeconds(60);
            }

            @Override
            public long maxEntries() {
                return 100;
            }
        };
    }

    private static RsaJsonWebKey generateKey() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** smallrye-jwt's parser, counting the tokens it really verifies. */
    static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingParser(JWTAuthContextInfo verification) {
            super(verification);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static final class MovableTicker implements Ticker {
        private volatile long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }

    static List<String> listOf(Object claim) {
        return ((List<?>) claim).stream().map(Object::toString).toList();
    }
}

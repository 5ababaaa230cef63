package dev.medi.gateway.security;

import dev.medi.platform.defaults.security.CachedTokenIdentityProvider;
import dev.medi.platform.defaults.security.CachingJwtParser;
import dev.medi.platform.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verified-token cache of service-defaults, wired into a real service: requests with the same token
 * after the first are answered from it, anything else is verified in full.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String REQUESTS = "medi.jwt.cache.requests";

    @Inject
    MeterRegistry registry;

    @Inject
    JWTParser parser;

    @Inject
    @Any
    Instance<IdentityProvider<?>> identityProviders;

    @Test
    void theServiceVerifiesWithTheCachingParserAndAsksTheCacheBeforeMpJwtValidator() {
        assertInstanceOf(CachingJwtParser.class, ClientProxy.unwrap(parser));
        List<Object> providers = identityProviders.stream().<Object>map(ClientProxy::unwrap).toList();
        IdentityProvider<?> cache = providers.stream().filter(CachedTokenIdentityProvider.class::isInstance)
                .map(CachedTokenIdentityProvider.class::cast).findFirst().orElseThrow();
        IdentityProvider<?> validator = providers.stream().filter(MpJwtValidator.class::isInstance)
                .map(MpJwtValidator.class::cast).findFirst().orElseThrow();
        assertTrue(cache.priority() > validator.priority(), "higher priority is asked first");
    }

    @Test
    void theSameTokenTwiceIsVerifiedOnceThenAnsweredFromTheCache() {
        String token = TestTokens.forRoles("receptionist");
        double hits = count("hit");
        double misses = count("miss");

        given().auth().oauth2(token).get("/api/v1/queues/abc").then().statusCode(200);
        assertEquals(misses + 1, count("miss"), "first use: verified in full");
        assertEquals(hits, count("hit"));

        given().auth().oauth2(token).get("/api/v1/queues/abc").then().statusCode(200);
        assertEquals(hits + 1, count("hit"));
        assertEquals(misses + 1, count("miss"));
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedWhileTheOriginalIsCached() {
        String token = TestTokens.forRoles("doctor");
        given().auth().oauth2(token).get("/api/v1/queues/abc").then().statusCode(200);
        int position = token.lastIndexOf('.') + 100;
        String forged = token.substring(0, position) + (token.charAt(position) == 'A' ? 'B' : 'A')
                + token.substring(position + 1);
        double misses = count("miss");

        given().auth().oauth2(forged).get("/api/v1/queues/abc").then().statusCode(401);

        assertEquals(misses + 1, count("miss"), "verified in full, and refused");
        given().auth().oauth2(token).get("/api/v1/queues/abc").then().statusCode(200);
    }

    private double count(String result) {
        Counter counter = registry.find(REQUESTS).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}

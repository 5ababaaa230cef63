package dev.medi.platform.defaults.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event-loop fast path: held tokens are answered without a hop to a worker thread. */
class CachedTokenIdentityProviderTest {

    /** Any attempt to move to a worker thread fails the test. */
    private static final AuthenticationRequestContext NO_WORKER_THREAD =
            supplier -> Uni.createFrom().failure(new AssertionError("moved to a worker thread"));

    private final TokenFixture fixture = new TokenFixture();
    private final VerifiedTokenCache cache = fixture.cache(true);
    private final CachingJwtParser parser = new CachingJwtParser(fixture.verifier, cache);
    private final CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(cache);

    @Test
    void aHeldTokenIsAnsweredOnTheCallingThreadLikeMpJwtValidatorWould() throws ParseException {
        String token = TokenFixture.token(Duration.ofMinutes(10));
        JsonWebToken verified = parser.parse(token);
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(token));

        SecurityIdentity identity = provider.authenticate(request, NO_WORKER_THREAD).await().atMost(java.time.Duration.ofSeconds(5));

        assertSame(verified, identity.getPrincipal());
        assertEquals(Set.of("receptionist"), identity.getRoles());
        assertSame(request.getToken(), identity.getCredential(JsonWebTokenCredential.class));
        assertSame(verified, identity.getAttribute(SecurityIdentity.USER_ATTRIBUTE));
        assertEquals(1, fixture.requests("hit"));
        assertEquals(1, fixture.verifier.verifications.get());
    }

    @Test
    void anUnknownTokenIsLeftToMpJwtValidatorWithoutCountingTwice() {
        String token = TokenFixture.token(Duration.ofMinutes(10));

        assertNull(provider.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)),
                NO_WORKER_THREAD).await().atMost(java.time.Duration.ofSeconds(5)));

        assertEquals(0, fixture.verifier.verifications.get());
        assertEquals(0, fixture.requests("miss"), "the parser behind MpJwtValidator counts the miss");
    }

    @Test
    void aHeldTokenThatHasExpiredIsRefused() throws ParseException {
        String token = TokenFixture.token(Duration.ofSeconds(20));
        long exp = parser.parse(token).getExpirationTime();
        fixture.clock.set(Instant.ofEpochSecond(exp + TokenFixture.CLOCK_SKEW_SECONDS));

        Uni<SecurityIdentity> answer = provider.authenticate(
                new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), NO_WORKER_THREAD);

        assertThrows(AuthenticationFailedException.class, () -> answer.await().atMost(java.time.Duration.ofSeconds(5)));
        assertEquals(0, fixture.requests("hit"));
    }

    @Test
    void withCachingDisabledItNeverAnswers() throws ParseException {
        TokenFixture disabledFixture = new TokenFixture();
        VerifiedTokenCache disabled = disabledFixture.cache(false);
        String token = TokenFixture.token(Duration.ofMinutes(10));
        new CachingJwtParser(disabledFixture.verifier, disabled).parse(token);

        assertNull(new CachedTokenIdentityProvider(disabled)
                .authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), NO_WORKER_THREAD)
                .await().atMost(java.time.Duration.ofSeconds(5)));
    }
}

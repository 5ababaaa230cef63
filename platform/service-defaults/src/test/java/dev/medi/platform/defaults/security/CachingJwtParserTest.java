package dev.medi.platform.defaults.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonArray;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser every service's bearer-token check uses, with the cache in front of smallrye-jwt's. */
class CachingJwtParserTest {

    private final TokenFixture fixture = new TokenFixture();
    private final CachingJwtParser parser = new CachingJwtParser(fixture.verifier, fixture.cache(true));

    @Test
    void theSameTokenTwiceIsVerifiedOnceAndTheSecondIsAHitWithTheSameClaims() throws ParseException {
        String token = TokenFixture.token(Duration.ofMinutes(10));

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertEquals(1, fixture.verifier.verifications.get(), "verified in full once");
        assertEquals(1, fixture.requests("miss"));
        assertEquals(1, fixture.requests("hit"));
        assertEquals("test.receptionist", second.getName());
        assertEquals(first.getName(), second.getName());
        assertEquals(Set.of("receptionist"), second.getGroups());
        assertEquals(Set.of("medi-os"), second.getAudience());
        assertEquals(first.getTokenID(), second.getTokenID());
        assertEquals(first.getExpirationTime(), second.getExpirationTime());
        assertEquals(token, second.getRawToken());
        assertEquals(first.getClaimNames(), second.getClaimNames());
        // Caller.of reads departments as a JsonArray, as smallrye-jwt hands it out
        JsonArray departments = second.getClaim(Caller.DEPARTMENTS_CLAIM);
        assertEquals(TokenFixture.DEPARTMENT, departments.getString(0));
        assertEquals(Caller.of(first), Caller.of(second));
    }

    @Test
    void aCachedTokenIsRefusedOnceExpiredEvenBeforeTheCacheDropsIt() throws ParseException {
        String token = TokenFixture.token(Duration.ofSeconds(20));
        long exp = parser.parse(token).getExpirationTime();

        // the entry's own expiry (the ticker) has not passed: only the check on the hit stands in the way
        fixture.clock.set(Instant.ofEpochSecond(exp + TokenFixture.CLOCK_SKEW_SECONDS - 1));
        parser.parse(token);
        assertEquals(1, fixture.requests("hit"), "accepted within the allowed skew, as the verifier does");

        fixture.clock.set(Instant.ofEpochSecond(exp + TokenFixture.CLOCK_SKEW_SECONDS));
        assertThrows(ParseException.class, () -> parser.parse(token));
        assertEquals(1, fixture.requests("hit"));
        assertEquals(1, fixture.verifier.verifications.get(), "refused by the cache, not verified again");
    }

    @Test
    void anEntryIsDroppedAfterTheMaximumAgeAndTheTokenVerifiedAgain() throws ParseException {
        String token = TokenFixture.token(Duration.ofMinutes(10));
        parser.parse(token);

        fixture.ticker.advance(Duration.ofSeconds(59));
        parser.parse(token);
        assertEquals(1, fixture.verifier.verifications.get());

        fixture.ticker.advance(Duration.ofSeconds(1));
        parser.parse(token);
        assertEquals(2, fixture.verifier.verifications.get(), "max-age 60 s reached: verified in full again");
    }

    @Test
    void aTokenWithOneSignatureCharacterChangedIsRefusedWhileTheOriginalIsCached() throws ParseException {
        String token = TokenFixture.token(Duration.ofMinutes(10));
        parser.parse(token);
        // a character mid-signature: the last one can differ only in padding bits and decode to the same bytes
        int position = token.lastIndexOf('.') + 100;
        char changed = token.charAt(position) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, position) + changed + token.substring(position + 1);
        assertNotEquals(token, forged);

        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged));

        assertEquals(3, fixture.verifier.verifications.get(), "the forgery is verified in full every time");
        assertEquals(3, fixture.requests("miss"));
        assertEquals("test.receptionist", parser.parse(token).getName());
        assertEquals(1, fixture.requests("hit"), "the original is still held");
    }

    @Test
    void aRefusedTokenIsNeverCached() {
        JwtClaims claims = TokenFixture.claims(Duration.ofMinutes(10));
        claims.setIssuer("https://evil.example");
        String foreign = TokenFixture.sign(claims);

        assertThrows(ParseException.class, () -> parser.parse(foreign));
        assertThrows(ParseException.class, () -> parser.parse(foreign));

        assertEquals(2, fixture.verifier.verifications.get());
        assertEquals(0, fixture.requests("hit"));
    }

    @Test
    void claimValuesSharedBetweenRequestsCannotBeChanged() throws ParseException {
        String token = TokenFixture.token(Duration.ofMinutes(10));
        JsonWebToken first = parser.parse(token);

        // smallrye-jwt hands out amr as the parser's own list; one request must not change the next one's
        List<String> amr = first.getClaim("amr");
        assertThrows(UnsupportedOperationException.class, () -> amr.add("otp"));
        assertThrows(UnsupportedOperationException.class, () -> first.getGroups().add("admin"));
        assertThrows(UnsupportedOperationException.class, () -> first.getClaimNames().add("x"));

        JsonWebToken second = parser.parse(token);
        assertEquals(List.of("pwd"), TokenFixture.listOf(second.getClaim("amr")));
        assertEquals(Set.of("receptionist"), second.getGroups());
        assertTrue(!second.toString().contains("receptionist"), "no claim values in toString (log lines)");
    }

    @Test
    void withCachingDisabledEveryCallVerifies() throws ParseException {
        TokenFixture disabledFixture = new TokenFixture();
        CachingJwtParser uncached = new CachingJwtParser(disabledFixture.verifier, disabledFixture.cache(false));
        String token = TokenFixture.token(Duration.ofMinutes(10));

        for (int i = 0; i < 3; i++) {
            assertEquals("test.receptionist", uncached.parse(token).getName());
        }

        assertEquals(3, disabledFixture.verifier.verifications.get());
        assertEquals(0, disabledFixture.requests("hit"));
    }
}

package dev.medi.gateway.fanout;

import dev.medi.platform.defaults.security.Caller;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which unexpired tokens may no longer open or keep a stream. */
class RevocationsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static StreamToken token(String user, String session, Instant issuedAt) {
        return new StreamToken("raw", user, session, issuedAt, issuedAt.plusSeconds(600),
                new Caller(user, Set.of("nurse"), Set.of()));
    }

    @Test
    void aRevokedSessionsTokensAreRefusedOtherSessionsNot() {
        Revocations revocations = new Revocations(Duration.ofMinutes(11), Clock.fixed(NOW, ZoneOffset.UTC));
        revocations.sessionRevoked("s1");
        assertTrue(revocations.refuses(token("u1", "s1", NOW.minusSeconds(60))));
        assertFalse(revocations.refuses(token("u1", "s2", NOW.minusSeconds(60))));
        assertFalse(revocations.refuses(token("u1", null, NOW.minusSeconds(60))), "a token without a session");
    }

    @Test
    void aDisabledUsersTokensIssuedUntilThenAreRefusedLaterOnesNot() {
        Revocations revocations = new Revocations(Duration.ofMinutes(11), Clock.fixed(NOW, ZoneOffset.UTC));
        revocations.userDisabled("u1", NOW.minusMillis(300));
        assertTrue(revocations.refuses(token("u1", "s1", NOW.minusSeconds(120))));
        assertTrue(revocations.refuses(token("u1", "s1", NOW.minusSeconds(1))), "issued in the second of the disabling");
        assertFalse(revocations.refuses(token("u1", "s9", NOW.plusSeconds(5))), "signed in again after being enabled again");
        assertFalse(revocations.refuses(token("u2", "s1", NOW.minusSeconds(120))));
    }

    @Test
    void revocationsAreForgottenOnceEveryTokenTheyConcernHasExpired() {
        MutableClock clock = new MutableClock(NOW);
        Revocations revocations = new Revocations(Duration.ofMinutes(11), clock);
        revocations.sessionRevoked("s1");
        revocations.userDisabled("u1", NOW);
        clock.now = NOW.plus(Duration.ofMinutes(12));
        revocations.sessionRevoked("s2"); // forgetting happens on the next write
        assertFalse(revocations.refuses(token("u0", "s1", NOW.minusSeconds(60))));
        assertFalse(revocations.refuses(token("u1", "s3", NOW.minusSeconds(60))));
        assertTrue(revocations.refuses(token("u0", "s2", NOW)));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

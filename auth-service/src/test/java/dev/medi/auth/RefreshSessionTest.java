package dev.medi.auth;

import dev.medi.auth.RefreshSession.EndReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshSessionTest {

    private static final Duration IDLE = Duration.ofMinutes(15);
    private static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Instant LOGIN = Instant.parse("2026-11-26T07:00:00Z");

    @Test
    void aSessionUsedWithinTheIdleTimeoutLives() {
        RefreshSession session = RefreshSession.start(UUID.randomUUID(), LOGIN);
        assertNull(session.expiry(LOGIN.plus(Duration.ofMinutes(14)), IDLE, ABSOLUTE));
        session.touch(LOGIN.plus(Duration.ofMinutes(14)));
        assertNull(session.expiry(LOGIN.plus(Duration.ofMinutes(28)), IDLE, ABSOLUTE));
    }

    @Test
    void fifteenIdleMinutesEndTheSession() {
        RefreshSession session = RefreshSession.start(UUID.randomUUID(), LOGIN);
        assertEquals(EndReason.IDLE_TIMEOUT, session.expiry(LOGIN.plus(Duration.ofMinutes(16)), IDLE, ABSOLUTE));
    }

    @Test
    void twelveHoursEndTheSessionHoweverOftenItIsRefreshed() {
        RefreshSession session = RefreshSession.start(UUID.randomUUID(), LOGIN);
        Instant almostTwelve = LOGIN.plus(ABSOLUTE).minusSeconds(60);
        session.touch(almostTwelve);
        assertEquals(EndReason.ABSOLUTE_TIMEOUT, session.expiry(almostTwelve.plusSeconds(120), IDLE, ABSOLUTE));
    }

    @Test
    void aRevokedSessionStaysRevokedWithItsFirstReason() {
        RefreshSession session = RefreshSession.start(UUID.randomUUID(), LOGIN);
        session.revoke(EndReason.REUSE_DETECTED, LOGIN.plusSeconds(5));
        session.revoke(EndReason.LOGOUT, LOGIN.plusSeconds(6));
        assertTrue(session.revoked());
        assertEquals(EndReason.REUSE_DETECTED, session.expiry(LOGIN.plusSeconds(7), IDLE, ABSOLUTE));
    }
}

package dev.medi.queue.service;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.queue.repository.IdempotencyKeyRepository;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Idempotency-Key rule without Quarkus: header, scope, fingerprint, replay or refusal. */
class IdempotencyKeyTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();
    private static final Caller DESK = new Caller("desk.gen", Set.of("receptionist"), Set.of(DEPARTMENT));
    private static final CheckInService.Arrival ARRIVAL = new CheckInService.Arrival(null, "Jo", "cough");

    @Test
    void theHeaderIsRequiredBoundedAndStripped() {
        assertEquals("abc", IdempotencyKey.require("  abc "));
        assertEquals("x".repeat(200), IdempotencyKey.require("x".repeat(200)));
        assertThrows(ProblemException.class, () -> IdempotencyKey.require(null));
        assertThrows(ProblemException.class, () -> IdempotencyKey.require("   "));
        assertThrows(ProblemException.class, () -> IdempotencyKey.require("x".repeat(201)));
    }

    @Test
    void theSameRequestReplaysAndADifferentOneIsRefused() {
        IdempotencyKey key = IdempotencyKey.ofCheckIn(DESK, "k", DEPARTMENT, ARRIVAL);
        UUID entry = UUID.randomUUID();
        assertEquals("desk.gen", key.caller(), "scoped to the caller");
        assertEquals(entry, key.replayOf(new IdempotencyKeyRepository.Claim(key.requestHash(), entry)));

        IdempotencyKey other = IdempotencyKey.ofCheckIn(DESK, "k", DEPARTMENT, new CheckInService.Arrival(null, "Jo", "fever"));
        assertNotEquals(key.requestHash(), other.requestHash());
        assertThrows(ProblemException.class, () -> other.replayOf(new IdempotencyKeyRepository.Claim(key.requestHash(), entry)));
        assertThrows(ProblemException.class, () -> key.replayOf(null));
    }
}

package dev.medi.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginThrottlePolicyTest {

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, Duration.ofMinutes(15));

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertEquals(Duration.ZERO, policy.blockAfter(failures));
        }
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertEquals(Duration.ofSeconds(1), policy.blockAfter(6));
        assertEquals(Duration.ofSeconds(2), policy.blockAfter(7));
        assertEquals(Duration.ofSeconds(4), policy.blockAfter(8));
        assertEquals(Duration.ofSeconds(512), policy.blockAfter(15));
    }

    @Test
    void theWaitNeverExceedsTheMaximumSoNobodyIsLockedOutForGood() {
        assertEquals(Duration.ofMinutes(15), policy.blockAfter(16));
        assertEquals(Duration.ofMinutes(15), policy.blockAfter(10_000));
    }
}

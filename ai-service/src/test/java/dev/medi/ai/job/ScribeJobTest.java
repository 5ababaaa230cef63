package dev.medi.ai.job;

import dev.medi.ai.engine.EngineInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scribe job's state machine, without Quarkus. */
class ScribeJobTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00.123456789Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static ScribeJob queued() {
        return ScribeJob.queue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "dr.a",
                "sub-a", "[]", "{\"names\":[\"Erik Jensen\"]}", T0);
    }

    @Test
    void aJobRunsOnceAndForgetsTheIdentifiersWhenItEnds() {
        ScribeJob job = queued();
        job.start(T0, LEASE);
        assertEquals(JobState.RUNNING, job.state());
        assertEquals(1, job.attempts());
        assertEquals(T0.truncatedTo(java.time.temporal.ChronoUnit.MICROS), job.startedAt());
        assertTrue(job.heldBy(job.startedAt()));
        assertThrows(IllegalStateException.class, () -> job.start(T0.plusSeconds(10), LEASE), "still leased");

        job.succeed("[]", new EngineInfo("offline", "m", 3, 4, "gemini timed out"), "scribe-v1", UUID.randomUUID(),
                T0.plusSeconds(2));
        assertEquals(JobState.SUCCEEDED, job.state());
        assertEquals("gemini timed out", job.fallbackReason());
        assertEquals(7, job.inputTokens() + job.outputTokens());
        assertNull(job.identifiersJson());
        assertNull(job.leaseUntil());
        assertFalse(job.cancel(T0.plusSeconds(3)), "an ended job is not cancelled");
        assertThrows(IllegalStateException.class, () -> job.fail("x", null, T0.plusSeconds(3)));
    }

    @Test
    void anAbandonedJobIsTakenOverAndTheOldWorkerNoLongerHoldsIt() {
        ScribeJob job = queued();
        job.start(T0, LEASE);
        Instant first = job.startedAt();
        job.start(T0.plus(LEASE).plusSeconds(1), LEASE);
        assertEquals(2, job.attempts());
        assertFalse(job.heldBy(first));
        assertTrue(job.heldBy(job.startedAt()));
    }

    @Test
    void aCancelledJobIsNotStartedAndItsWorkerLetsGo() {
        ScribeJob job = queued();
        job.start(T0, LEASE);
        Instant started = job.startedAt();
        assertTrue(job.cancel(T0.plusSeconds(1)));
        assertFalse(job.heldBy(started));
        assertNull(job.identifiersJson());
        assertThrows(IllegalStateException.class, () -> job.start(T0.plusSeconds(2), LEASE));
    }
}

package dev.medi.queue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueuePriorityTest {

    private static final Instant DUE = Instant.parse("2026-11-26T08:00:00Z");

    @ParameterizedTest(name = "ESI {0}, {1} min past due, promotion ≤ {2} → priority {3}")
    @CsvSource({
            "3, -5, 1, 3",    // before the target: the level
            "3,  0, 1, 3",    // exactly at the target: not yet
            "3,  1, 1, 2",    // breached: one step up
            "3, 90, 1, 2",    // capped at one step
            "3, 31, 2, 1",    // one more step per 30 min, up to two
            "5, 61, 2, 3",
            "1, 10, 2, 1",    // never above 1
            "4, 10, 0, 4"})   // aging switched off
    void agingMovesLongWaitersUpWithinTheCap(int level, int minutesPastDue, int maxPromotion, int expected) {
        QueuePriority rules = new QueuePriority(3, Duration.ofMinutes(30), maxPromotion);
        assertEquals(expected, rules.priority(level, null, DUE, DUE.plus(Duration.ofMinutes(minutesPastDue))));
    }

    @Test
    void anOverrideWinsAndAnUntriagedEntryCountsAsTheConfiguredLevel() {
        QueuePriority rules = new QueuePriority(3, Duration.ofMinutes(30), 1);
        assertEquals(5, rules.priority(1, 5, DUE, DUE.plus(Duration.ofHours(3))));
        assertEquals(3, rules.priority(null, null, DUE, DUE));
        assertEquals(DUE.plus(Duration.ofMinutes(30)), rules.slaDueAt(DUE, null, SlaTargets.DEFAULT));
        assertEquals(DUE, rules.slaDueAt(DUE, 1, SlaTargets.DEFAULT), "ESI 1: immediately");
    }

    @ParameterizedTest(name = "target {0} min, {1} s before due → {2}")
    @CsvSource({
            "30, 600, OK",
            "30, 360, OK",         // the last fifth of 30 min is 6 min: its start is still OK
            "30, 359, DUE_SOON",
            "30, 0, OK",           // exactly due is not breached...
            "30, -1, BREACHED",
            "0, 30, DUE_SOON",     // ESI 1: the last minute is always "due soon"
            "10, 100, DUE_SOON"})  // a fifth of 10 min is 2 min
    void slaStates(int targetMinutes, int secondsBeforeDue, String expected) {
        Instant now = DUE.minusSeconds(secondsBeforeDue);
        String state = QueuePriority.slaState(DUE, Duration.ofMinutes(targetMinutes), now).name();
        if (secondsBeforeDue == 0) {
            assertEquals("DUE_SOON", state, "...but it is due soon");
        } else {
            assertEquals(expected, state);
        }
    }

    @Test
    void invalidRulesAndTargetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QueuePriority(0, Duration.ofMinutes(30), 1));
        assertThrows(IllegalArgumentException.class, () -> new QueuePriority(3, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlaTargets(List.of(Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> new SlaTargets(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120))));
    }
}

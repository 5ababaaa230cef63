package dev.medi.patient.encounter;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encounter's guards: opened in progress, closed once, never before its start. */
class EncounterTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static Encounter open() {
        return Encounter.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, Encounter.CLASS_AMBULATORY,
                "dr.house", " 3 ", "  ", START, Encounter.SOURCE_DIRECT, "dr.house", START);
    }

    @Test
    void anOpenedEncounterIsInProgress() {
        Encounter encounter = open();
        assertTrue(encounter.isOpen());
        assertEquals(EncounterStatus.IN_PROGRESS, encounter.status());
        assertEquals("3", encounter.room());
        assertNull(encounter.reason(), "a blank reason is none");
        assertNull(encounter.endedAt());
        assertNull(encounter.outcome());
    }

    @Test
    void closingSetsEndOutcomeAndStatus() {
        Encounter encounter = open();
        encounter.close(EncounterOutcome.COMPLETED, START.plusSeconds(900), "dr.house", START.plusSeconds(901));
        assertFalse(encounter.isOpen());
        assertEquals(EncounterStatus.FINISHED, encounter.status());
        assertEquals(EncounterOutcome.COMPLETED, encounter.outcome());
        assertEquals(START.plusSeconds(900), encounter.endedAt());
        assertEquals("dr.house", encounter.closedBy());
    }

    @Test
    void aNoShowIsCancelled() {
        Encounter encounter = open();
        encounter.close(EncounterOutcome.NO_SHOW, START.plusSeconds(60), "queue-service", START.plusSeconds(60));
        assertEquals(EncounterStatus.CANCELLED, encounter.status());
    }

    @Test
    void itCannotBeClosedTwice() {
        Encounter encounter = open();
        encounter.close(EncounterOutcome.TRANSFERRED, START.plusSeconds(60), "nurse", START.plusSeconds(60));
        assertThrows(EncounterStateException.class,
                () -> encounter.close(EncounterOutcome.COMPLETED, START.plusSeconds(120), "nurse", START.plusSeconds(120)));
        assertEquals(EncounterOutcome.TRANSFERRED, encounter.outcome());
    }

    @Test
    void anEndBeforeTheStartIsMovedToTheStart() {
        Encounter encounter = open();
        encounter.close(EncounterOutcome.COMPLETED, START.minusSeconds(5), "nurse", START);
        assertEquals(START, encounter.endedAt());
    }

    @Test
    void queueStatesMapToOutcomes() {
        assertEquals(EncounterOutcome.COMPLETED, EncounterOutcome.ofQueueStatus("FINISHED").orElseThrow());
        assertEquals(EncounterOutcome.TRANSFERRED, EncounterOutcome.ofQueueStatus("TRANSFERRED").orElseThrow());
        assertEquals(EncounterOutcome.LEFT_WITHOUT_BEING_SEEN,
                EncounterOutcome.ofQueueStatus("LEFT_WITHOUT_BEING_SEEN").orElseThrow());
        assertEquals(EncounterOutcome.NO_SHOW, EncounterOutcome.ofQueueStatus("NO_SHOW").orElseThrow());
        assertEquals(EncounterOutcome.CANCELLED, EncounterOutcome.ofQueueStatus("CANCELLED").orElseThrow());
        assertTrue(EncounterOutcome.ofQueueStatus("IN_CONSULTATION").isEmpty());
    }

    @Test
    void unknownClassesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Encounter.open(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), null, "IMP", null, null, null, START, Encounter.SOURCE_DIRECT, "x", START));
    }
}

package dev.medi.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueueEntryTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aCheckInStartsAsArrivedWithItsArrivalTime() {
        QueueEntry entry = QueueEntry.checkIn(DEPARTMENT, null, "  chest pain ", "desk.one", NOW);
        assertEquals(QueueStatus.ARRIVED, entry.status());
        assertEquals(NOW, entry.arrivedAt());
        assertEquals("chest pain", entry.chiefComplaint());
        assertEquals("desk.one", entry.checkedInBy());
        assertNull(entry.patientId(), "an unregistered arrival has no patient id");
        assertEquals(entry.id(), entry.snapshot().id());
        assertEquals("ARRIVED", entry.snapshot().status());
    }

    @Test
    void everyEntryGetsItsOwnTimeOrderedId() {
        QueueEntry first = QueueEntry.checkIn(DEPARTMENT, null, "a", "desk.one", NOW);
        QueueEntry second = QueueEntry.checkIn(DEPARTMENT, null, "b", "desk.one", NOW);
        assertNotEquals(first.id(), second.id());
        assertEquals(7, first.id().version());
    }

    @Test
    void departmentComplaintAndActorAreRequired() {
        assertThrows(NullPointerException.class, () -> QueueEntry.checkIn(null, null, "a", "desk", NOW));
        assertThrows(NullPointerException.class, () -> QueueEntry.checkIn(DEPARTMENT, null, null, "desk", NOW));
        assertThrows(NullPointerException.class, () -> QueueEntry.checkIn(DEPARTMENT, null, "a", null, NOW));
    }
}

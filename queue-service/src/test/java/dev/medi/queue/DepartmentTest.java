package dev.medi.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentTest {

    private final Department department = Department.create(UUID.randomUUID(), "GEN", "General",
            ZoneId.of("Europe/Berlin"), LocalTime.of(22, 0), SlaTargets.DEFAULT, Instant.parse("2026-11-26T08:00:00Z"));

    @Test
    void theDailyCloseIsDueOncePerLocalDayAfterTheCloseTime() {
        // 20:59 UTC = 21:59 in Berlin (CET): not yet
        assertFalse(department.autoCloseDue(Instant.parse("2026-11-26T20:59:00Z")));
        Instant closing = Instant.parse("2026-11-26T21:00:00Z");
        assertTrue(department.autoCloseDue(closing));
        department.autoClosed(closing);
        assertFalse(department.autoCloseDue(Instant.parse("2026-11-26T22:30:00Z")), "already closed today");
        assertTrue(department.autoCloseDue(Instant.parse("2026-11-27T21:00:00Z")), "the next day again");
    }

    @Test
    void ticketDaysFollowTheLocalCalendar() {
        // 23:30 UTC on the 26th is already the 27th in Berlin
        assertEquals(LocalDate.of(2026, 11, 27), department.day(Instant.parse("2026-11-26T23:30:00Z")));
    }
}

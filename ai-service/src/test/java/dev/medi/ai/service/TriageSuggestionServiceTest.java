package dev.medi.ai.service;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TriageSuggestionServiceTest {

    @Test
    void agesOver89ReachTheAdvisorAs90() {
        assertEquals(89, TriageSuggestionService.ageSent(89));
        assertEquals(90, TriageSuggestionService.ageSent(90));
        assertEquals(90, TriageSuggestionService.ageSent(104));
        assertNull(TriageSuggestionService.ageSent(null));
    }

    @Test
    void queryParametersAreCheckedHere() {
        assertEquals(ZoneId.of("UTC"), TriageSuggestionService.zone(null));
        assertEquals(ZoneId.of("Europe/Berlin"), TriageSuggestionService.zone("Europe/Berlin"));
        assertThrows(dev.medi.platform.defaults.ProblemException.class, () -> TriageSuggestionService.zone("+05:30"));
        assertThrows(dev.medi.platform.defaults.ProblemException.class, () -> TriageSuggestionService.day("2026-13-01"));
        assertThrows(dev.medi.platform.defaults.ProblemException.class, () -> TriageSuggestionService.id("queueEntryId", "x"));
    }
}

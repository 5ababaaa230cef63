package dev.medi.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EsiLevelTest {

    @ParameterizedTest
    @CsvSource({"1, ONE", "2, TWO", "3, THREE", "4, FOUR", "5, FIVE"})
    void ofAndValueRoundTrip(int value, EsiLevel level) {
        assertEquals(level, EsiLevel.of(value));
        assertEquals(value, level.value());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 6, Integer.MAX_VALUE})
    void rejectsNumbersOutsideOneToFive(int value) {
        assertThrows(IllegalArgumentException.class, () -> EsiLevel.of(value));
    }

    @Test
    void everyRuleBelongsToItsDecisionPoint() {
        for (TriageRule rule : TriageRule.values()) {
            assertEquals(rule.name().charAt(0), rule.decisionPoint(), rule.name());
        }
        assertEquals(EsiLevel.ONE, TriageRule.A_UNRESPONSIVE.level());
        assertEquals(EsiLevel.TWO, TriageRule.D_DANGER_ZONE_VITALS.level());
        assertEquals(EsiLevel.THREE, TriageRule.C_MANY_RESOURCES.level());
        assertEquals(EsiLevel.FOUR, TriageRule.C_ONE_RESOURCE.level());
        assertEquals(EsiLevel.FIVE, TriageRule.C_NO_RESOURCES.level());
    }
}

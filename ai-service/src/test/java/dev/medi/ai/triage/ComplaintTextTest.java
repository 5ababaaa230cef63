package dev.medi.ai.triage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplaintTextTest {

    @Test
    void wordsAndClauseBreaks() {
        assertEquals(List.of("cant", "breathe", "|", "no", "chest", "pain", "|", "pain", "8/10"),
                ComplaintText.of("Can't breathe; no chest-pain, but pain 8/10.").words());
    }

    @Test
    void wildcardsAndPrefixes() {
        ComplaintText text = ComplaintText.of("fell and hit her head on the kerb");
        assertEquals(List.of(2), text.find("hit * head".split(" ")));
        assertEquals(List.of(), text.find("hit head".split(" ")));
        assertEquals(List.of(0), ComplaintText.of("wheezing").find(new String[]{"wheez*"}));
    }

    @Test
    void negationWithinFiveWordsOfTheClause() {
        ComplaintText text = ComplaintText.of("denies any recent history of chest pain");
        assertTrue(text.negatedAt(text.find("chest pain".split(" ")).get(0)));
        ComplaintText far = ComplaintText.of("no one at home noticed when the chest pain started");
        assertFalse(far.negatedAt(far.find("chest pain".split(" ")).get(0)), "the cue is too far away");
        ComplaintText clause = ComplaintText.of("no fever however chest pain");
        assertFalse(clause.negatedAt(clause.find("chest pain".split(" ")).get(0)));
    }

    @Test
    void punctuationOnlyIsEmpty() {
        assertTrue(ComplaintText.of(" ?!., ").isEmpty());
        assertTrue(TriageComplaints.isBlank("..."));
        assertFalse(TriageComplaints.isBlank("cough"));
    }
}

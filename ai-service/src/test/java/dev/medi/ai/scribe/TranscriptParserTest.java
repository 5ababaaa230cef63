package dev.medi.ai.scribe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptParserTest {

    @Test
    void oneSegmentPerTurnWithIdsInOrder() {
        Transcript t = TranscriptParser.parse("""
                Doctor: Good morning. What brings you in?
                Patient: I've had a cough for a week.
                Dr Smith: Any fever?
                Patient: No.
                """);
        assertEquals(List.of("s1", "s2", "s3", "s4"), t.segments().stream().map(TranscriptSegment::id).toList());
        assertEquals(List.of("Doctor", "Patient", "Dr Smith", "Patient"),
                t.segments().stream().map(TranscriptSegment::speaker).toList());
        assertEquals("I've had a cough for a week.", t.segment("s2").orElseThrow().text());
        assertNull(t.segment("s1").orElseThrow().start());
    }

    @Test
    void timePrefixesInBracketsOrBare() {
        Transcript t = TranscriptParser.parse("""
                [00:01:23] Doctor: Hello.
                00:01:30 Patient: Hi.
                [2:05] Nurse Jones: Blood pressure done.
                """);
        assertEquals(Duration.ofSeconds(83), t.segments().get(0).start());
        assertEquals(Duration.ofSeconds(90), t.segments().get(1).start());
        assertEquals(Duration.ofSeconds(125), t.segments().get(2).start());
        assertEquals("Nurse Jones", t.segments().get(2).speaker());
        assertEquals("Blood pressure done.", t.segments().get(2).text());
    }

    @Test
    void continuationLinesBelongToThePreviousTurn() {
        Transcript t = TranscriptParser.parse("""
                Doctor: Tell me about the pain.
                Patient: It started on Monday.
                It is worse at night,
                BP: I don't know what that means.

                Doctor: Thank you.
                """);
        assertEquals(3, t.segments().size());
        assertEquals("It started on Monday. It is worse at night, BP: I don't know what that means.",
                t.segments().get(1).text());
    }

    @Test
    void repeatedNamesAreSpeakersEvenWithoutARoleWord() {
        Transcript t = TranscriptParser.parse("""
                Anna: Hello, I'm the doctor.
                Ben: Hello.
                Anna: What's wrong?
                Ben: My knee hurts.
                """);
        assertEquals(4, t.segments().size());
        assertEquals("Ben", t.segments().get(3).speaker());
    }

    @Test
    void redactedSpeakerLabelsAreSpeakers() {
        Transcript t = TranscriptParser.parse("[NAME_1]: Hello.\n[NAME_2]: Hi doctor.\n");
        assertEquals("[NAME_1]", t.segments().get(0).speaker());
        assertEquals(2, t.segments().size());
    }

    @Test
    void emptyOrUnlabelledTextIsRejectedWithAClearMessage() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> TranscriptParser.parse("  \n "));
        assertEquals("The transcript is empty.", empty.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TranscriptParser.parse(null));
        assertEquals("The transcript is empty.", none.getMessage());
        IllegalArgumentException unlabelled = assertThrows(IllegalArgumentException.class,
                () -> TranscriptParser.parse("the patient came in with a cough"));
        assertTrue(unlabelled.getMessage().contains("no speaker labels"), unlabelled.getMessage());
    }

    @Test
    void fromSegmentsGivesIdsAndSkipsBlankText() {
        Transcript t = TranscriptParser.fromSegments(List.of(
                TranscriptParser.RawSegment.of("Doctor", "  Any   fever? ", "00:00:05"),
                TranscriptParser.RawSegment.of("Patient", "   ", "6"),
                TranscriptParser.RawSegment.of("Patient", "No.", "PT7S")));
        assertEquals(2, t.segments().size());
        assertEquals("s2", t.segments().get(1).id());
        assertEquals("Any fever?", t.segments().get(0).text());
        assertEquals(Duration.ofSeconds(7), t.segments().get(1).start());
    }

    @Test
    void segmentErrorsAreClear() {
        assertEquals("The transcript has no segments.",
                assertThrows(IllegalArgumentException.class, () -> TranscriptParser.fromSegments(List.of())).getMessage());
        assertEquals("The transcript has no segments with text.", assertThrows(IllegalArgumentException.class,
                () -> TranscriptParser.fromSegments(List.of(new TranscriptParser.RawSegment("Doctor", " ", null))))
                .getMessage());
        assertEquals("Segment 1 has no speaker.", assertThrows(IllegalArgumentException.class,
                () -> TranscriptParser.fromSegments(List.of(new TranscriptParser.RawSegment(" ", "Hi", null))))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> TranscriptParser.parseTime("soon"));
        assertEquals(Duration.ofMillis(83_500), TranscriptParser.parseTime("1:23.5"));
    }
}

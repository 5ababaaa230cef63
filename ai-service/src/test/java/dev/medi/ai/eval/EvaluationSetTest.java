package dev.medi.ai.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.medi.ai.eval.Consultation.Fault;
import dev.medi.ai.eval.Consultation.FaultySentence;
import dev.medi.ai.eval.Consultation.Kind;
import dev.medi.ai.eval.Consultation.Seeded;
import dev.medi.ai.eval.Consultation.Sentence;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptParser;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed evaluation set is well-formed: what the metrics rely on holds for every consultation. */
class EvaluationSetTest {

    private static final Pattern TURN = Pattern.compile("^(\\[\\d\\d:\\d\\d:\\d\\d] )?[A-Z][a-z]+( [A-Z][a-z]+)?: \\S.*");
    private static final Pattern MRN = Pattern.compile("\\d{4} \\d{4} \\d{2}");
    private static final Pattern SAFE_EMAIL = Pattern.compile("[^@\\s]+@example\\.(org|com|net)");

    private final List<Consultation> set = EvaluationSet.load();

    @Test
    void atLeastThirtyConsultationsWithUniqueIdsAndMrns() {
        assertTrue(set.size() >= 30, "only " + set.size() + " consultations");
        assertEquals(set.size(), set.stream().map(Consultation::id).distinct().count());
        assertEquals(set.size(), set.stream().map(c -> c.identifiers().record().mrn()).distinct().count());
    }

    @Test
    void everyTurnIsLabelledAndTheParserNumbersThemInOrder() {
        for (Consultation c : set) {
            String[] lines = c.transcript().strip().split("\n");
            for (String line : lines) {
                assertTrue(TURN.matcher(line).matches(), c.id() + ": unlabelled turn " + line);
            }
            Transcript t = TranscriptParser.parse(c.transcript());
            assertEquals(lines.length, t.segments().size(), c.id());
            assertEquals("s" + lines.length, t.segments().get(lines.length - 1).id(), c.id());
        }
    }

    @Test
    void referenceNotesCoverAllFourSectionsAndCiteExistingTurns() {
        for (Consultation c : set) {
            Transcript t = TranscriptParser.parse(c.transcript());
            Set<SoapSection> sections = c.reference().stream().map(Sentence::section).collect(Collectors.toSet());
            assertEquals(EnumSet.allOf(SoapSection.class), sections, c.id());
            for (Sentence s : c.reference()) {
                assertFalse(s.segments().isEmpty(), c.id() + ": " + s.text());
                s.segments().forEach(id -> assertTrue(t.segment(id).isPresent(), c.id() + ": " + id));
            }
        }
    }

    @Test
    void everyConsultationHasLabelledFaultySentencesAndTheSetCoversEveryTrap() {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (Consultation c : set) {
            Transcript t = TranscriptParser.parse(c.transcript());
            assertTrue(c.faulty().size() >= 3, c.id());
            Set<String> referenceTexts = new HashSet<>();
            c.reference().forEach(r -> referenceTexts.add(r.text()));
            for (FaultySentence f : c.faulty()) {
                faults.add(f.fault());
                assertFalse(f.why().isBlank(), c.id());
                assertFalse(referenceTexts.contains(f.text()), c.id() + ": a faulty sentence copies the reference");
                f.segments().forEach(id -> assertTrue(t.segment(id).isPresent(), c.id() + ": " + id));
            }
            // the negation trap is in every consultation
            assertTrue(c.faulty().stream().anyMatch(f -> f.fault() == Fault.DROPPED_NEGATION
                    || f.fault() == Fault.INVENTED_FINDING), c.id());
        }
        assertTrue(faults.containsAll(EnumSet.of(Fault.UNMENTIONED_MEDICATION, Fault.CHANGED_DOSE,
                Fault.DROPPED_NEGATION, Fault.CHANGED_NUMBER, Fault.SWAPPED_SIDE, Fault.INVENTED_FINDING)), faults.toString());
    }

    @Test
    void seededIdentifiersOccurInTheTranscriptAndAgesOverEightyNineOnlyOnce() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Consultation c : set) {
            assertTrue(MRN.matcher(c.identifiers().record().mrn()).matches(), c.id());
            c.identifiers().record().emails().forEach(e ->
                    assertTrue(SAFE_EMAIL.matcher(e).matches(), c.id() + ": not a reserved example domain: " + e));
            assertFalse(c.identifiers().seeded().isEmpty(), c.id());
            for (Seeded s : c.identifiers().seeded()) {
                kinds.add(s.kind());
                int n = ScribeEvaluation.occurrences(c.transcript(), s.text());
                assertTrue(n >= 1, c.id() + ": " + s.text() + " is not in the transcript");
                if (s.kind() == Kind.AGE) {
                    assertTrue(Integer.parseInt(s.text()) > 89, c.id());
                    assertEquals(1, n, c.id() + ": the age " + s.text() + " also occurs as another number");
                }
            }
        }
        assertTrue(kinds.containsAll(EnumSet.of(Kind.NAME, Kind.MRN, Kind.DATE, Kind.PHONE, Kind.EMAIL,
                Kind.ADDRESS, Kind.AGE)), kinds.toString());
        assertTrue(set.stream().filter(c -> c.identifiers().seeded().stream().anyMatch(s -> s.kind() == Kind.AGE))
                .count() >= 3);
    }
}

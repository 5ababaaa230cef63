package dev.medi.patient.pdf;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.medi.patient.record.HumanName;
import dev.medi.patient.note.Note;
import dev.medi.patient.note.NoteAddendum;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.Signature;
import dev.medi.patient.note.SoapContent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF parsed back: identifiers, sections, signature, provenance and addenda are on the page. */
public class NotePdfTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");

    public static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void aSignedAiDraftIsPrintedWithEverything() throws IOException {
        Note note = Note.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new SoapContent("Cough for three days", "Temperature 38.1", "Acute bronchitis", "Fluids and rest"),
                new NoteProvenance(true, "gemini-2.5-flash", "scribe-v3", "tr-42"), "dr.house", "dr.house", NOW);
        note.sign(new Signature("dr.house", true, NOW, Duration.ofMinutes(5), NOW.plusSeconds(60)));
        NoteAddendum addendum = note.addendum(UUID.randomUUID(), "CRP result 12 mg/l",
                new Signature("dr.wilson", true, NOW, Duration.ofMinutes(5), NOW.plusSeconds(120)));
        byte[] pdf = NotePdf.render(new NotePdf.Header("Test Clinic", new HumanName("Sodopeduz", List.of("Johanna"), null, null),
                "1000000064", LocalDate.of(1957, 9, 24), Instant.parse("2026-11-26T09:30:00Z")), note, List.of(addendum));

        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        String text = text(pdf);
        for (String expected : List.of("Test Clinic", "Johanna Sodopeduz", "1000000064", "1957-09-24",
                "2026-11-26 09:30 UTC", "Subjective", "Cough for three days", "Objective", "Temperature 38.1",
                "Assessment", "Acute bronchitis", "Plan", "Fluids and rest", "Signed by dr.house at 2026-11-26 10:16 UTC",
                "clinician-approved AI draft", "gemini-2.5-flash", "scribe-v3", "Addenda", "CRP result 12 mg/l",
                "Signed by dr.wilson")) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
        }
    }

    @Test
    void namesAndTextOutsideLatin1PrintAsWritten() throws IOException {
        Note note = Note.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new SoapContent("Ból gardła od 3 dni", null, "Angina", "Paracetamol 500 mg, kontrola za 3 dni"),
                null, null, "dr.nowak", NOW);
        note.sign(new Signature("dr.nowak", true, NOW, Duration.ofMinutes(5), NOW));
        String text = text(NotePdf.render(new NotePdf.Header("Przychodnia", new HumanName("Wałęsa-Çelik",
                List.of("Łukasz"), null, null), "1000000064", LocalDate.of(1980, 1, 2), NOW), note, List.of()));
        for (String expected : List.of("Łukasz Wałęsa-Çelik", "Ból gardła od 3 dni", "kontrola za 3 dni")) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
        }
    }

    @Test
    void draftsAreNotPrinted() {
        Note note = Note.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new SoapContent("s", null, null, null), null, null, "dr.house", NOW);
        assertThrows(IllegalStateException.class, () -> NotePdf.render(new NotePdf.Header("C",
                new HumanName("X", List.of(), null, null), "1000000064", LocalDate.EPOCH, null), note, List.of()));
    }
}

package dev.medi.patient.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.medi.patient.record.HumanName;
import dev.medi.patient.note.Note;
import dev.medi.patient.note.NoteAddendum;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.NoteStatus;
import dev.medi.patient.note.SoapContent;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a signed clinical note as a PDF (OpenPDF): clinic and patient identifiers (name, MRN, birth date), the
 * encounter date, the four SOAP sections, the signature, the AI provenance line and the signed addenda. Plain
 * Java; blocking (fonts are read from the class path on first use), so the service runs it off the event loop.
 * Times are UTC, as stored.
 */
public final class NotePdf {

    /** What goes on the page besides the note itself. */
    public record Header(String clinicName, HumanName patientName, String mrn, LocalDate birthDate,
                         Instant encounterStart) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * Liberation Sans (shipped inside OpenPDF), embedded with Unicode (Identity-H) encoding: patient names such as
     * Łukasz or Çelik and any clinical text print as written, which the 14 standard PDF fonts (Latin-1 only) cannot.
     * Bold and italic are simulated by OpenPDF from the regular face.
     */
    private static final BaseFont UNICODE = unicodeFont();

    private static final Font TITLE = new Font(UNICODE, 16, Font.BOLD);
    private static final Font HEADING = new Font(UNICODE, 11, Font.BOLD);
    private static final Font BODY = new Font(UNICODE, 10, Font.NORMAL);
    private static final Font SMALL = new Font(UNICODE, 9, Font.ITALIC);

    private static BaseFont unicodeFont() {
        try {
            return BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("the PDF font is missing from the class path", e);
        }
    }

    private NotePdf() {
    }

    /** @throws IllegalStateException for a draft: only signed notes are printed */
    public static byte[] render(Header header, Note note, List<NoteAddendum> addenda) {
        if (note.status() != NoteStatus.SIGNED) {
            throw new IllegalStateException("only signed notes are rendered");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("Clinical note " + note.id());
            pdf.addCreator("Medi OS patient-service");
            pdf.open();

            pdf.add(new Paragraph(header.clinicName(), TITLE));
            pdf.add(new Paragraph("Clinical note (SOAP)", HEADING));
            pdf.add(Chunk.NEWLINE);

            PdfPTable identifiers = new PdfPTable(new float[]{1, 3});
            identifiers.setWidthPercentage(100);
            row(identifiers, "Patient", display(header.patientName()));
            row(identifiers, "MRN", header.mrn());
            row(identifiers, "Birth date", header.birthDate() == null ? "" : header.birthDate().toString());
            row(identifiers, "Encounter", (header.encounterStart() == null ? "" : TIME.format(header.encounterStart()))
                    + "  (" + note.encounterId() + ")");
            row(identifiers, "Note", note.id().toString());
            pdf.add(identifiers);
            pdf.add(Chunk.NEWLINE);

            SoapContent content = note.content();
            section(pdf, "Subjective", content.subjective());
            section(pdf, "Objective", content.objective());
            section(pdf, "Assessment", content.assessment());
            section(pdf, "Plan", content.plan());

            pdf.add(Chunk.NEWLINE);
            pdf.add(new Paragraph("Signed by " + note.signedBy() + " at " + TIME.format(note.signedAt()), HEADING));
            pdf.add(new Paragraph(provenanceLine(note), SMALL));

            if (!addenda.isEmpty()) {
                pdf.add(Chunk.NEWLINE);
                pdf.add(new Paragraph("Addenda", HEADING));
                for (NoteAddendum addendum : addenda) {
                    Paragraph text = new Paragraph(addendum.text(), BODY);
                    text.setSpacingBefore(4);
                    pdf.add(text);
                    pdf.add(new Paragraph("Signed by " + addendum.signedBy() + " at " + TIME.format(addendum.signedAt()),
                            SMALL));
                }
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the note", e);
        }
        return out.toByteArray();
    }

    /** The provenance line printed under the signature. */
    public static String provenanceLine(Note note) {
        NoteProvenance provenance = note.provenance();
        if (!provenance.aiGenerated()) {
            return "Provenance: " + note.attestation() + " (written by " + note.createdBy() + ").";
        }
        return "Provenance: " + note.attestation() + " — drafted by AI model " + provenance.model()
                + ", prompt version " + provenance.promptVersion()
                + (provenance.sourceTranscriptId() == null ? "" : ", from transcript " + provenance.sourceTranscriptId())
                + "; reviewed and signed by " + note.signedBy() + ".";
    }

    private static void section(Document pdf, String title, String text) throws DocumentException {
        Paragraph heading = new Paragraph(title, HEADING);
        heading.setSpacingBefore(6);
        pdf.add(heading);
        pdf.add(new Paragraph(text == null || text.isEmpty() ? "—" : text, BODY));
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(new Phrase(label, HEADING));
        name.setBorder(0);
        PdfPCell content = new PdfPCell(new Phrase(value == null ? "" : value, BODY));
        content.setBorder(0);
        content.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.addCell(name);
        table.addCell(content);
    }

    private static String display(HumanName name) {
        StringBuilder text = new StringBuilder();
        if (name.prefix() != null) {
            text.append(name.prefix()).append(' ');
        }
        text.append(String.join(" ", name.given()));
        text.append(text.isEmpty() ? "" : " ").append(name.family());
        if (name.suffix() != null) {
            text.append(' ').append(name.suffix());
        }
        return text.toString().strip();
    }
}

package dev.medi.patient.document;

import dev.medi.patient.record.PatientStateException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentContentTypeTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void declaredTypesAreRecognisedWithParametersAndAliases() {
        assertEquals(Optional.of(DocumentContentType.PDF), DocumentContentType.ofMediaType("Application/PDF; charset=binary"));
        assertEquals(Optional.of(DocumentContentType.JPEG), DocumentContentType.ofMediaType("image/jpg"));
        assertEquals(Optional.of(DocumentContentType.PNG), DocumentContentType.ofMediaType("image/png"));
        assertEquals(Optional.empty(), DocumentContentType.ofMediaType("text/html"));
        assertEquals(Optional.empty(), DocumentContentType.ofMediaType("image/svg+xml"), "SVG can carry scripts");
        assertEquals(Optional.empty(), DocumentContentType.ofMediaType(null));
    }

    @Test
    void theSignatureMustMatchTheDeclaredType() {
        assertTrue(DocumentContentType.PDF.matches(PDF));
        assertTrue(DocumentContentType.PNG.matches(PNG));
        assertTrue(DocumentContentType.JPEG.matches(JPEG));
        assertFalse(DocumentContentType.PDF.matches(PNG));
        assertFalse(DocumentContentType.PDF.matches("<html><script>".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(DocumentContentType.PNG.matches(new byte[]{(byte) 0x89, 'P'}), "too short");
        assertFalse(DocumentContentType.JPEG.matches(new byte[0]));
        assertEquals(Optional.of(DocumentContentType.JPEG), DocumentContentType.sniff(JPEG));
        assertEquals(Optional.empty(), DocumentContentType.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aDocumentIsEnteredInErrorOnceAndKeepsTheReason() {
        Document document = Document.file(UUID.randomUUID(), UUID.randomUUID(), " Referral ", "referral", null,
                DocumentContentType.PDF, 10, "a".repeat(64), "local", "dr.a", Instant.EPOCH);
        assertEquals("Referral", document.title());
        assertEquals(DocumentStatus.CURRENT, document.status());
        document.markEnteredInError(" wrong patient ", "dr.b", Instant.EPOCH.plusSeconds(5));
        assertEquals(DocumentStatus.ENTERED_IN_ERROR, document.status());
        assertEquals("wrong patient", document.enteredInErrorReason());
        assertEquals("dr.b", document.enteredInErrorBy());
        assertThrows(PatientStateException.class, () -> document.markEnteredInError("again", "dr.b", Instant.EPOCH));
    }

    @Test
    void aDocumentNeedsAHexHashAndContent() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> Document.file(id, id, "t", "referral", null,
                DocumentContentType.PDF, 10, "A".repeat(64), "local", "a", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Document.file(id, id, "t", "referral", null,
                DocumentContentType.PDF, 10, "ab", "local", "a", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Document.file(id, id, "t", "referral", null,
                DocumentContentType.PDF, 0, "a".repeat(64), "local", "a", Instant.EPOCH));
    }
}

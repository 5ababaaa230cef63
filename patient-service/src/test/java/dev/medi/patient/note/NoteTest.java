package dev.medi.patient.note;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note's state machine: draft → signed, signed is final, addenda only after signing, only recent doctors sign. */
class NoteTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final SoapContent CONTENT = new SoapContent(" cough for 3 days ", "T 38.1", "bronchitis", "fluids");

    private static Note draft(NoteProvenance provenance) {
        return Note.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), CONTENT, provenance, "dr.house",
                "nurse.joy", NOW);
    }

    private static Signature doctor(Instant authenticatedAt) {
        return new Signature("dr.house", true, authenticatedAt, MAX_AGE, NOW.plusSeconds(60));
    }

    @Test
    void aDraftIsEditableAndKeepsItsAuthor() {
        Note note = draft(null);
        assertEquals(NoteStatus.DRAFT, note.status());
        assertEquals("cough for 3 days", note.content().subjective());
        assertEquals("nurse.joy", note.createdBy());
        assertTrue(note.awaitsSignatureOf("dr.house"));
        assertFalse(note.awaitsSignatureOf("dr.wilson"));
        assertNull(note.attestation(), "a clinician's draft needs no label");
        assertFalse(note.edit(CONTENT, "dr.house", NOW.plusSeconds(1)), "same content: nothing to save");
        assertTrue(note.edit(new SoapContent("cough", "T 38.1", "bronchitis", "fluids, rest"), "dr.house", NOW.plusSeconds(2)));
        assertEquals("fluids, rest", note.content().plan());
        assertEquals("dr.house", note.updatedBy());
        assertThrows(IllegalArgumentException.class, () -> note.edit(new SoapContent(" ", null, "", null), "dr.house", NOW));
    }

    @Test
    void onlyTheDesignatedSignerSignsUntilTheNoteIsReassigned() {
        Note note = draft(null);
        Signature wilson = new Signature("dr.wilson", true, NOW, MAX_AGE, NOW.plusSeconds(60));
        NoteSignatureException refused = assertThrows(NoteSignatureException.class, () -> note.sign(wilson));
        assertFalse(refused.reauthenticationRequired(), "403, not a request to sign in again");
        assertEquals(NoteStatus.DRAFT, note.status());

        assertThrows(IllegalArgumentException.class, () -> note.reassignSigner(UUID.randomUUID(), "dr.wilson", " ",
                "dr.wilson", NOW));
        NoteSignerChange change = note.reassignSigner(UUID.randomUUID(), " dr.wilson ", "dr.house is off duty",
                "dr.wilson", NOW.plusSeconds(30));
        assertEquals("dr.house", change.previousSigner());
        assertEquals("dr.wilson", change.newSigner());
        assertEquals("dr.wilson", note.responsibleSigner());
        assertNull(note.reassignSigner(UUID.randomUUID(), "dr.wilson", "again", "dr.wilson", NOW), "already the signer");
        assertThrows(NoteSignatureException.class, () -> note.sign(doctor(NOW)));
        note.sign(wilson);
        assertEquals("dr.wilson", note.signedBy());
        assertThrows(NoteStateException.class, () -> note.reassignSigner(UUID.randomUUID(), "dr.house", "back",
                "dr.house", NOW));
    }

    @Test
    void aDraftWithoutADesignatedSignerIsSignedByAnyDoctor() {
        Note note = Note.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), CONTENT, null, null,
                "nurse.joy", NOW);
        note.sign(new Signature("dr.wilson", true, NOW, MAX_AGE, NOW.plusSeconds(60)));
        assertEquals("dr.wilson", note.signedBy());
    }

    @Test
    void aRecentlyAuthenticatedDoctorSignsOnceAndTheNoteIsFinal() {
        Note note = draft(null);
        note.sign(doctor(NOW));
        assertEquals(NoteStatus.SIGNED, note.status());
        assertEquals("dr.house", note.signedBy());
        assertEquals(NOW.plusSeconds(60), note.signedAt());
        assertEquals(Note.ATTESTATION_CLINICIAN, note.attestation());
        assertFalse(note.awaitsSignatureOf("dr.house"));
        assertThrows(NoteStateException.class, () -> note.sign(doctor(NOW)));
        assertThrows(NoteStateException.class, () -> note.edit(new SoapContent("x", null, null, null), "dr.house", NOW));
    }

    @Test
    void aNurseCannotSign() {
        Note note = draft(null);
        NoteSignatureException refused = assertThrows(NoteSignatureException.class,
                () -> note.sign(new Signature("nurse.joy", false, NOW, MAX_AGE, NOW)));
        assertFalse(refused.reauthenticationRequired());
        assertEquals(NoteStatus.DRAFT, note.status());
    }

    @Test
    void anOldSignInMustBeRenewedBeforeSigning() {
        Note note = draft(null);
        Instant signingAt = NOW.plusSeconds(60);
        NoteSignatureException stale = assertThrows(NoteSignatureException.class,
                () -> note.sign(new Signature("dr.house", true, signingAt.minus(MAX_AGE).minusSeconds(1), MAX_AGE, signingAt)));
        assertTrue(stale.reauthenticationRequired());
        assertThrows(NoteSignatureException.class, () -> note.sign(new Signature("dr.house", true, null, MAX_AGE, signingAt)));
        assertEquals(NoteStatus.DRAFT, note.status());
        note.sign(new Signature("dr.house", true, signingAt.minus(MAX_AGE), MAX_AGE, signingAt)); // exactly at the limit
        assertEquals(NoteStatus.SIGNED, note.status());
    }

    @Test
    void addendaAreForSignedNotesAndSignedByTheirAuthor() {
        Note note = draft(null);
        assertThrows(NoteStateException.class, () -> note.addendum(UUID.randomUUID(), "late result", doctor(NOW)));
        note.sign(doctor(NOW));
        NoteAddendum addendum = note.addendum(UUID.randomUUID(), " CRP 12 mg/l ", new Signature("dr.wilson", true, NOW,
                MAX_AGE, NOW.plusSeconds(120)));
        assertEquals("CRP 12 mg/l", addendum.text());
        assertEquals("dr.wilson", addendum.signedBy());
        assertEquals(note.id(), addendum.noteId());
        assertThrows(NoteSignatureException.class, () -> note.addendum(UUID.randomUUID(), "x",
                new Signature("nurse.joy", false, NOW, MAX_AGE, NOW)));
        assertThrows(IllegalArgumentException.class, () -> note.addendum(UUID.randomUUID(), " ", doctor(NOW)));
    }

    @Test
    void anAiDraftStaysLabelledAfterSigning() {
        Note note = draft(new NoteProvenance(true, "gemini-2.5-flash", "scribe-v3", "tr-42"));
        assertEquals(Note.ATTESTATION_AI_DRAFT, note.attestation());
        note.sign(doctor(NOW));
        assertEquals(Note.ATTESTATION_AI, note.attestation());
        assertEquals("gemini-2.5-flash", note.provenance().model());
        assertEquals("scribe-v3", note.provenance().promptVersion());
        assertEquals("tr-42", note.provenance().sourceTranscriptId());
    }

    @Test
    void provenanceMustBeComplete() {
        assertThrows(IllegalArgumentException.class, () -> new NoteProvenance(true, "model", null, null));
        assertThrows(IllegalArgumentException.class, () -> new NoteProvenance(false, "model", null, null));
        assertThrows(IllegalArgumentException.class, () -> Note.draft(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), new SoapContent(null, null, null, null), null, null, "a", NOW));
    }
}

package dev.medi.patient.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A signed correction or addition to a signed note; written once, never changed (made by {@link Note#addendum}). */
@Entity
@Table(name = "note_addenda")
public class NoteAddendum {

    public static final int MAX_TEXT = 20_000;

    @Id
    private UUID id;

    @Column(name = "note_id", nullable = false, updatable = false)
    private UUID noteId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "signed_by", nullable = false, updatable = false)
    private String signedBy;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    protected NoteAddendum() {
        // for Hibernate
    }

    static NoteAddendum signed(UUID id, UUID noteId, UUID patientId, String text, String signedBy, Instant at) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an addendum has text");
        }
        NoteAddendum addendum = new NoteAddendum();
        addendum.id = Objects.requireNonNull(id);
        addendum.noteId = Objects.requireNonNull(noteId);
        addendum.patientId = Objects.requireNonNull(patientId);
        addendum.text = text.strip();
        addendum.signedBy = Objects.requireNonNull(signedBy);
        addendum.signedAt = Objects.requireNonNull(at);
        return addendum;
    }

    public UUID id() {
        return id;
    }

    public UUID noteId() {
        return noteId;
    }

    public UUID patientId() {
        return patientId;
    }

    public String text() {
        return text;
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }
}

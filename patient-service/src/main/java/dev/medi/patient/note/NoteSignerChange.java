package dev.medi.patient.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A draft note given to another doctor to sign (made by {@link Note#reassignSigner}); written once, never changed.
 * The reason is free text and stays here.
 */
@Entity
@Table(name = "note_signer_changes")
public class NoteSignerChange {

    public static final int MAX_REASON = 500;

    @Id
    private UUID id;

    @Column(name = "note_id", nullable = false, updatable = false)
    private UUID noteId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "previous_signer", updatable = false)
    private String previousSigner;

    @Column(name = "new_signer", nullable = false, updatable = false)
    private String newSigner;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected NoteSignerChange() {
        // for Hibernate
    }

    static NoteSignerChange of(UUID id, Note note, String previousSigner, String reason, String changedBy, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a re-assignment has a reason");
        }
        NoteSignerChange change = new NoteSignerChange();
        change.id = Objects.requireNonNull(id);
        change.noteId = note.id();
        change.patientId = note.patientId();
        change.previousSigner = previousSigner;
        change.newSigner = Objects.requireNonNull(note.responsibleSigner());
        change.reason = reason.strip();
        change.changedBy = Objects.requireNonNull(changedBy);
        change.changedAt = Objects.requireNonNull(at);
        return change;
    }

    public UUID id() {
        return id;
    }

    public String previousSigner() {
        return previousSigner;
    }

    public String newSigner() {
        return newSigner;
    }

    public String changedBy() {
        return changedBy;
    }
}

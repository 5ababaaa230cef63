package dev.medi.patient.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One saved content of a note: the first draft and every edit, as saved ({@code version} = the note's then). */
@Entity
@Table(name = "note_versions")
public class NoteVersion {

    @Id
    private UUID id;

    @Column(name = "note_id", nullable = false, updatable = false)
    private UUID noteId;

    @Column(nullable = false, updatable = false)
    private long version;

    @Column(nullable = false, updatable = false)
    private String subjective;

    @Column(nullable = false, updatable = false)
    private String objective;

    @Column(nullable = false, updatable = false)
    private String assessment;

    @Column(nullable = false, updatable = false)
    private String plan;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    @Column(name = "saved_by", nullable = false, updatable = false)
    private String savedBy;

    protected NoteVersion() {
        // for Hibernate
    }

    /** The note's content as it is now. */
    public static NoteVersion of(UUID id, Note note) {
        NoteVersion saved = new NoteVersion();
        saved.id = id;
        saved.noteId = note.id();
        saved.version = note.version();
        SoapContent content = note.content();
        saved.subjective = content.subjective();
        saved.objective = content.objective();
        saved.assessment = content.assessment();
        saved.plan = content.plan();
        saved.savedAt = note.updatedAt();
        saved.savedBy = note.updatedBy();
        return saved;
    }

    public UUID noteId() {
        return noteId;
    }

    public long version() {
        return version;
    }

    public SoapContent content() {
        return new SoapContent(subjective, objective, assessment, plan);
    }

    public Instant savedAt() {
        return savedAt;
    }

    public String savedBy() {
        return savedBy;
    }
}

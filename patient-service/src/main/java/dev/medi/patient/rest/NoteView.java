package dev.medi.patient.rest;

import dev.medi.patient.note.Note;
import dev.medi.patient.note.NoteAddendum;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.NoteVersion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clinical note as the API shows it. {@code version} is also the ETag. {@code attestation}: for signed notes
 * {@code clinician-approved AI draft} or {@code clinician-authored}; for AI drafts a reminder that no clinician has
 * signed yet; {@code provenance} stays after signing.
 */
public record NoteView(
        UUID id,
        UUID patientId,
        UUID encounterId,
        String status,
        String subjective,
        String objective,
        String assessment,
        String plan,
        NoteProvenance provenance,
        String attestation,
        String signer,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant signedAt,
        String signedBy,
        List<Addendum> addenda,
        long version) {

    /** A signed correction or addition. */
    public record Addendum(UUID id, String text, String signedBy, Instant signedAt) {
        static Addendum of(NoteAddendum addendum) {
            return new Addendum(addendum.id(), addendum.text(), addendum.signedBy(), addendum.signedAt());
        }
    }

    /** A note in a list: no clinical text (open the note for that). */
    public record Summary(UUID id, UUID patientId, UUID encounterId, String status, boolean aiGenerated,
                          String attestation, String signer, Instant createdAt, String createdBy, Instant signedAt,
                          String signedBy, long version) {
        static Summary of(Note note) {
            return new Summary(note.id(), note.patientId(), note.encounterId(), note.status().code(),
                    note.provenance().aiGenerated(), note.attestation(), note.responsibleSigner(), note.createdAt(),
                    note.createdBy(), note.signedAt(), note.signedBy(), note.version());
        }
    }

    /** A list of notes. */
    public record Page(List<Summary> items) {
    }

    /** One saved content of a note. */
    public record Version(long version, String subjective, String objective, String assessment, String plan,
                          Instant savedAt, String savedBy) {
        static Version of(NoteVersion saved) {
            return new Version(saved.version(), saved.content().subjective(), saved.content().objective(),
                    saved.content().assessment(), saved.content().plan(), saved.savedAt(), saved.savedBy());
        }
    }

    /** Every saved content, oldest first. */
    public record Versions(List<Version> items) {
    }

    static NoteView of(Note note, List<NoteAddendum> addenda) {
        var content = note.content();
        return new NoteView(note.id(), note.patientId(), note.encounterId(), note.status().code(), content.subjective(),
                content.objective(), content.assessment(), content.plan(), note.provenance(), note.attestation(),
                note.responsibleSigner(), note.createdAt(), note.createdBy(), note.updatedAt(), note.updatedBy(),
                note.signedAt(), note.signedBy(), addenda.stream().map(Addendum::of).toList(), note.version());
    }
}

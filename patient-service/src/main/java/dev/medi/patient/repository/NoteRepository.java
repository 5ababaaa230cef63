package dev.medi.patient.repository;

import dev.medi.patient.note.NoteStatus;
import dev.medi.patient.note.Note;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<Note, UUID> {

    /** A patient's notes, newest first. */
    public Uni<List<Note>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by id desc", patientId);
    }

    /**
     * A page of the patient's notes for the history: newest first by creation time then id, strictly after
     * ({@code afterAt}, {@code afterId}) when given.
     */
    public Uni<List<Note>> historyPage(UUID patientId, java.time.Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return find("patientId = ?1 order by createdAt desc, id desc", patientId).page(0, limit).list();
        }
        return find("patientId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                patientId, afterAt, afterId).page(0, limit).list();
    }

    /** Drafts waiting for {@code username}'s signature, oldest first, at most {@code limit}. */
    public Uni<List<Note>> awaitingSignatureOf(String username, int limit) {
        return find("responsibleSigner = ?1 and status = ?2 order by id", username, NoteStatus.DRAFT).page(0, limit).list();
    }
}

package dev.medi.patient.repository;

import dev.medi.patient.Note;
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

    /** Drafts waiting for {@code username}'s signature, oldest first, at most {@code limit}. */
    public Uni<List<Note>> awaitingSignatureOf(String username, int limit) {
        return find("responsibleSigner = ?1 and status = 'draft' order by id", username).page(0, limit).list();
    }
}

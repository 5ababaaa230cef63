package dev.medi.patient.repository;

import dev.medi.patient.note.NoteAddendum;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoteAddendumRepository implements PanacheRepositoryBase<NoteAddendum, UUID> {

    /** The note's addenda in the order they were signed. */
    public Uni<List<NoteAddendum>> ofNote(UUID noteId) {
        return list("noteId = ?1 order by signedAt, id", noteId);
    }
}

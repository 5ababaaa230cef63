package dev.medi.patient.repository;

import dev.medi.patient.note.NoteVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoteVersionRepository implements PanacheRepositoryBase<NoteVersion, UUID> {

    /** Every saved content of the note, oldest first. */
    public Uni<List<NoteVersion>> ofNote(UUID noteId) {
        return list("noteId = ?1 order by version", noteId);
    }
}

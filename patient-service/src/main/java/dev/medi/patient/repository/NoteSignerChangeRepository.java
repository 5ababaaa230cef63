package dev.medi.patient.repository;

import dev.medi.patient.note.NoteSignerChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class NoteSignerChangeRepository implements PanacheRepositoryBase<NoteSignerChange, UUID> {
}

package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.repository.NoteRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Clinical notes in the patient's history ({@link PatientHistoryService}), at the time they were drafted. */
@ApplicationScoped
class NoteHistorySource implements HistorySource {

    private final NoteRepository notes;

    NoteHistorySource(NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public String kind() {
        return "note";
    }

    @Override
    public Uni<List<Item>> page(UUID patientId, Keyset after, int limit) {
        return notes.historyPage(patientId, after == null ? null : after.at(), after == null ? null : after.id(), limit)
                .map(found -> found.stream().map(note -> new Item(kind(), note.id(), note.createdAt(), note)).toList());
    }
}

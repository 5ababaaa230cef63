package dev.medi.patient.rest;

import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.service.HistorySource;
import dev.medi.patient.service.PatientHistoryService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of a patient's history, newest first; pass {@code next} as {@code after} for older items
 * ({@code null} at the end).
 */
public record HistoryPage(List<Item> items, String next) {

    /**
     * One item.
     *
     * @param kind   {@code encounter} (detail: an encounter), {@code vitals} (detail: the signs recorded together),
     *               {@code note} (detail: the note's summary, no text), {@code document} (detail: its metadata);
     *               more kinds may follow: clients skip kinds they do not know
     * @param id     the encounter id, the vitals' set id ...
     * @param at     encounter start, time of measurement ...
     */
    public record Item(String kind, UUID id, Instant at, Object detail) {

        static Item of(HistorySource.Item item) {
            Object detail = item.detail();
            if (detail instanceof Encounter encounter) {
                detail = EncounterView.of(encounter);
            } else if (detail instanceof dev.medi.patient.note.Note note) {
                detail = NoteView.Summary.of(note); // without the text: open the note for that
            } else if (detail instanceof dev.medi.patient.document.Document document) {
                detail = DocumentView.of(document);
            } else if (detail instanceof PatientHistoryService.VitalsSet set) {
                detail = new VitalsSetView(set.setId(), set.effectiveAt(),
                        set.observations().stream().map(ObservationView::of).toList());
            }
            return new Item(item.kind(), item.id(), item.at(), detail);
        }
    }

    /** Vital signs measured together. */
    public record VitalsSetView(UUID setId, Instant effectiveAt, List<ObservationView> observations) {
    }
}

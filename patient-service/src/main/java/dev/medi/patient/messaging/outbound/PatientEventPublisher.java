package dev.medi.patient.messaging.outbound;

import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.note.Note;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.record.Patient;
import dev.medi.platform.events.EncounterEventData;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.NoteEventData;
import dev.medi.platform.events.ObservationEventData;
import dev.medi.platform.events.PatientEventData;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Appends patient-service's events ({@link PatientEvents}) to the outbox, in the transaction of the change: the
 * outbox publishes them after commit by itself.
 */
@ApplicationScoped
public class PatientEventPublisher {

    private final Outbox outbox;

    PatientEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Inside the transaction: flushes the patient (so the event carries the new version) and appends the event. */
    public Uni<Void> record(EventType<PatientEventData> type, Patient patient, Set<String> changedFields) {
        return flush().chain(() -> outbox.append(type, new PatientEventData(patient.id(), patient.mrn(),
                        patient.status().code(), patient.version(), List.copyOf(changedFields),
                        patient.duplicateOverride(), patient.duplicateCandidates())))
                .replaceWithVoid();
    }

    /**
     * Inside the transaction: a note event, keyed by the patient (so a patient's events stay in order), with the
     * note as subject. Identifiers and state only, never the note's text.
     */
    public Uni<Void> recordNote(EventType<NoteEventData> type, Note note, UUID addendumId) {
        return flush().chain(() -> outbox.append(type, new NoteEventData(note.id(), note.patientId(),
                        note.encounterId(), note.status().code(), note.version(), note.createdBy(),
                        note.provenance().aiGenerated(), note.signedBy(), note.signedAt(), addendumId)))
                .replaceWithVoid();
    }

    /** Inside the transaction: flushes the encounter (so the event carries its new version) and appends the event. */
    public Uni<Void> record(EventType<EncounterEventData> type, Encounter encounter) {
        return flush().chain(() -> outbox.append(type, new EncounterEventData(encounter.id(), encounter.patientId(),
                        encounter.departmentId(), encounter.queueEntryId(), encounter.status().code(),
                        encounter.encounterClass(), encounter.startedAt(), encounter.endedAt(),
                        encounter.outcome() == null ? null : encounter.outcome().code(), encounter.source(),
                        encounter.version())))
                .replaceWithVoid();
    }

    /** Inside the transaction: announces one set of observations (all of one patient, one set). */
    public Uni<Void> recorded(List<Observation> observations) {
        Observation first = observations.get(0);
        return outbox.append(PatientEvents.OBSERVATION_RECORDED, new ObservationEventData(first.patientId(),
                        first.setId(), first.encounterId(), first.queueEntryId(), first.source(), first.effectiveAt(),
                        observations.stream().map(o -> new ObservationEventData.Item(o.id(), o.code())).toList()))
                .replaceWithVoid();
    }

    private static Uni<Void> flush() {
        return Panache.getSession().flatMap(session -> session.flush());
    }
}

package dev.medi.patient.messaging.outbound;

import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.note.Note;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.record.Patient;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records patient, encounter, observation and note events in the outbox, keyed by patient, in the transaction of the change. */
@ApplicationScoped
public class PatientEventPublisher {

    private final Outbox outbox;
    private final OutboxRelay relay;

    PatientEventPublisher(Outbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Inside the transaction: flushes the patient (so the event carries the new version) and appends the event. */
    public Uni<Void> record(String type, Patient patient, Set<String> changedFields) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(Topics.PATIENT_EVENTS, patient.id().toString(), type,
                        EventSources.PATIENT_SERVICE, patient.id().toString(),
                        new PatientEventData(patient.id(), patient.mrn(), patient.status().code(), patient.version(),
                                List.copyOf(changedFields), patient.duplicateOverride(), patient.duplicateCandidates())))
                .replaceWithVoid();
    }

    /**
     * Inside the transaction: a note event, keyed by the patient (so a patient's events stay in order), with the
     * note as subject. Identifiers and state only, never the note's text.
     */
    public Uni<Void> recordNote(String type, Note note, UUID addendumId) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(Topics.PATIENT_EVENTS, note.patientId().toString(), type,
                        EventSources.PATIENT_SERVICE, note.id().toString(),
                        new NoteEventData(note.id(), note.patientId(), note.encounterId(), note.status().code(),
                                note.version(), note.createdBy(), note.provenance().aiGenerated(), note.signedBy(),
                                note.signedAt(), addendumId)))
                .replaceWithVoid();
    }

    /** Inside the transaction: flushes the encounter (so the event carries its new version) and appends the event. */
    public Uni<Void> record(String type, Encounter encounter) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(Topics.PATIENT_EVENTS, encounter.patientId().toString(), type,
                        EventSources.PATIENT_SERVICE, encounter.id().toString(),
                        new EncounterEventData(encounter.id(), encounter.patientId(), encounter.departmentId(),
                                encounter.queueEntryId(), encounter.status().code(), encounter.encounterClass(),
                                encounter.startedAt(), encounter.endedAt(),
                                encounter.outcome() == null ? null : encounter.outcome().code(), encounter.source(),
                                encounter.version())))
                .replaceWithVoid();
    }

    /** Inside the transaction: announces one set of observations (all of one patient, one set). */
    public Uni<Void> recorded(List<Observation> observations) {
        Observation first = observations.get(0);
        return outbox.append(Topics.PATIENT_EVENTS, first.patientId().toString(),
                        PatientEventTypes.OBSERVATION_RECORDED, EventSources.PATIENT_SERVICE, first.patientId().toString(),
                        new ObservationEventData(first.patientId(), first.setId(), first.encounterId(),
                                first.queueEntryId(), first.source(), first.effectiveAt(), observations.stream()
                                .map(o -> new ObservationEventData.Item(o.id(), o.code())).toList()))
                .replaceWithVoid();
    }

    /** After commit: publish without waiting for the relay's next poll. */
    public void committed() {
        relay.wake();
    }
}

package dev.medi.platform.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events patient-service publishes on {@link Topics#PATIENT_EVENTS}; schema
 * {@code schemas/medi.patient.events.v1.json}. Every one is keyed by the patient, so one patient's record,
 * encounter, observation and note events stay in order; the CloudEvent subject is the aggregate the event is
 * about (the patient, the encounter or the note; the patient for a set of observations). Identifiers and state
 * only: demographics and clinical content stay behind the API, where every read is access-checked and audited.
 */
public final class PatientEvents {

    public static final EventType<PatientEventData> PATIENT_REGISTERED =
            recordEvent("medi.patient.patient.registered.v1");
    /** Demographics changed; {@code changedFields} names which. */
    public static final EventType<PatientEventData> PATIENT_UPDATED = recordEvent("medi.patient.patient.updated.v1");
    /** The record was registered by mistake: consumers drop or hide what they hold about it. */
    public static final EventType<PatientEventData> PATIENT_ENTERED_IN_ERROR =
            recordEvent("medi.patient.patient.entered-in-error.v1");

    /** An encounter began (from the queue's consultation start, or opened directly). */
    public static final EventType<EncounterEventData> ENCOUNTER_OPENED =
            encounterEvent("medi.patient.encounter.opened.v1");
    /** An encounter ended with an outcome. */
    public static final EventType<EncounterEventData> ENCOUNTER_CLOSED =
            encounterEvent("medi.patient.encounter.closed.v1");

    /** A set of vital signs was recorded (at triage or directly); about the patient. */
    public static final EventType<ObservationEventData> OBSERVATION_RECORDED = EventType.of(Topics.PATIENT_EVENTS,
            "medi.patient.observation.recorded.v1", EventSources.PATIENT_SERVICE, ObservationEventData.class,
            data -> data.patientId().toString());

    /** A clinical note was drafted (by a clinician or the AI scribe); {@code aiGenerated} tells which. */
    public static final EventType<NoteEventData> NOTE_DRAFTED = noteEvent("medi.patient.note.drafted.v1");
    /** A doctor signed a note: it is final from now on. */
    public static final EventType<NoteEventData> NOTE_SIGNED = noteEvent("medi.patient.note.signed.v1");
    /** A signed addendum was added to a signed note; {@code addendumId} names it. */
    public static final EventType<NoteEventData> NOTE_ADDENDUM_ADDED = noteEvent("medi.patient.note.addendum-added.v1");

    /** Every patient event type, for a consumer's reader. */
    public static final List<EventType<?>> ALL = List.of(PATIENT_REGISTERED, PATIENT_UPDATED,
            PATIENT_ENTERED_IN_ERROR, ENCOUNTER_OPENED, ENCOUNTER_CLOSED, OBSERVATION_RECORDED, NOTE_DRAFTED,
            NOTE_SIGNED, NOTE_ADDENDUM_ADDED);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    /** The descriptor of a CloudEvent type, or {@code null} for a type this catalogue does not know. */
    public static EventType<?> byType(String type) {
        return type == null ? null : BY_TYPE.get(type);
    }

    private static EventType<PatientEventData> recordEvent(String type) {
        return EventType.of(Topics.PATIENT_EVENTS, type, EventSources.PATIENT_SERVICE, PatientEventData.class,
                data -> data.patientId().toString());
    }

    private static EventType<EncounterEventData> encounterEvent(String type) {
        return EventType.of(Topics.PATIENT_EVENTS, type, EventSources.PATIENT_SERVICE, EncounterEventData.class,
                        (EncounterEventData data) -> data.patientId().toString())
                .withSubject(data -> data.encounterId().toString());
    }

    private static EventType<NoteEventData> noteEvent(String type) {
        return EventType.of(Topics.PATIENT_EVENTS, type, EventSources.PATIENT_SERVICE, NoteEventData.class,
                        (NoteEventData data) -> data.patientId().toString())
                .withSubject(data -> data.noteId().toString());
    }

    private PatientEvents() {
    }
}

package dev.medi.patient.messaging.outbound;

/**
 * CloudEvents {@code type} values of {@code medi.patient.events.v1}, pattern
 * {@code medi.<context>.<aggregate>.<verb>.v<n>} as in {@code dev.medi.platform.events.EventTypes}.
 *
 * <p><b>Belongs in platform/events</b> ({@code EventTypes}); kept here until that module is changed, so
 * consumers do not depend on patient-service. Move verbatim.
 */
public final class PatientEventTypes {

    public static final String PATIENT_REGISTERED = "medi.patient.patient.registered.v1";
    /** Demographics changed; {@code changedFields} names which. */
    public static final String PATIENT_UPDATED = "medi.patient.patient.updated.v1";
    /** The record was registered by mistake: consumers drop or hide what they hold about it. */
    public static final String PATIENT_ENTERED_IN_ERROR = "medi.patient.patient.entered-in-error.v1";

    /** A clinical note was drafted (by a clinician or the AI scribe); {@code aiGenerated} tells which. */
    public static final String NOTE_DRAFTED = "medi.patient.note.drafted.v1";
    /** A doctor signed a note: it is final from now on. */
    public static final String NOTE_SIGNED = "medi.patient.note.signed.v1";
    /** A signed addendum was added to a signed note; {@code addendumId} names it. */
    public static final String NOTE_ADDENDUM_ADDED = "medi.patient.note.addendum-added.v1";

    /** An encounter began (from the queue's consultation start, or opened directly); data: {@link EncounterEventData}. */
    public static final String ENCOUNTER_OPENED = "medi.patient.encounter.opened.v1";
    /** An encounter ended with an outcome; data: {@link EncounterEventData}. */
    public static final String ENCOUNTER_CLOSED = "medi.patient.encounter.closed.v1";
    /** A set of vital signs was recorded (at triage or directly); data: {@link ObservationEventData}. */
    public static final String OBSERVATION_RECORDED = "medi.patient.observation.recorded.v1";

    private PatientEventTypes() {
    }
}

package dev.medi.patient.encounter;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

import java.util.Optional;

/**
 * How an {@link Encounter} ended. The queue's terminal states map onto it ({@link #ofQueueStatus}); a clinician
 * closing an encounter directly picks one. FHIR: {@code Encounter.hospitalization.dischargeDisposition}
 * (an example binding, so the codes are this server's, system {@link #SYSTEM}).
 */
public enum EncounterOutcome implements Coded {
    COMPLETED("completed", "Completed, discharged"),
    ADMITTED("admitted", "Admitted"),
    REFERRED("referred", "Referred"),
    TRANSFERRED("transferred", "Transferred to another department"),
    LEFT_WITHOUT_BEING_SEEN("left-without-being-seen", "Left before the end of the visit"),
    NO_SHOW("no-show", "Did not show up"),
    CANCELLED("cancelled", "Cancelled");

    /** Code system of the outcomes in FHIR. */
    public static final String SYSTEM = "https://medi-os.dev/fhir/CodeSystem/encounter-outcome";

    private final String code;
    private final String display;

    EncounterOutcome(String code, String display) {
        this.code = code;
        this.display = display;
    }

    @Override
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The status an encounter closed with this outcome gets: no-show and cancelled are {@code cancelled}. */
    public EncounterStatus closedStatus() {
        return this == NO_SHOW || this == CANCELLED ? EncounterStatus.CANCELLED : EncounterStatus.FINISHED;
    }

    /**
     * The outcome for a queue entry that left a consultation in {@code queueStatus} (see
     * {@code dev.medi.platform.events.QueueStatuses}); empty for a state that does not end an encounter.
     */
    public static Optional<EncounterOutcome> ofQueueStatus(String queueStatus) {
        return Optional.ofNullable(switch (queueStatus) {
            case "FINISHED" -> COMPLETED;
            case "TRANSFERRED" -> TRANSFERRED;
            case "LEFT_WITHOUT_BEING_SEEN" -> LEFT_WITHOUT_BEING_SEEN;
            case "NO_SHOW" -> NO_SHOW;
            case "CANCELLED" -> CANCELLED;
            default -> null;
        });
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<EncounterOutcome> {
        public Column() {
            super(EncounterOutcome.class);
        }
    }
}

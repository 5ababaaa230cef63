package dev.medi.patient.encounter;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/** The state of an {@link Encounter}, named as FHIR R4 {@code Encounter.status}. */
public enum EncounterStatus implements Coded {
    IN_PROGRESS("in-progress"),
    FINISHED("finished"),
    /** Closed as cancelled or no-show: the visit did not take place as planned. */
    CANCELLED("cancelled");

    private final String code;

    EncounterStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<EncounterStatus> {
        public Column() {
            super(EncounterStatus.class);
        }
    }
}

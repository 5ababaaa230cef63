package dev.medi.patient.record;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/** The record's state, with the codes of FHIR R4 (Patient has {@code active}; the resource status code). */
public enum PatientStatus implements Coded {
    ACTIVE("active"),
    /** Registered by mistake: kept, hidden from search, readable by admins only. */
    ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    PatientStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<PatientStatus> {
        public Column() {
            super(PatientStatus.class);
        }
    }
}

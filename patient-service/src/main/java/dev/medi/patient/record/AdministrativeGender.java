package dev.medi.patient.record;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/** FHIR R4 AdministrativeGender: the sex recorded for administration, not a clinical finding. */
public enum AdministrativeGender implements Coded {
    MALE("male"),
    FEMALE("female"),
    OTHER("other"),
    UNKNOWN("unknown");

    /** For Bean Validation of the API's string field. */
    public static final String PATTERN = "male|female|other|unknown";

    private final String code;

    AdministrativeGender(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<AdministrativeGender> {
        public Column() {
            super(AdministrativeGender.class);
        }
    }
}

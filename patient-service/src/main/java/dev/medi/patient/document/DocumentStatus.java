package dev.medi.patient.document;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/** A document is {@code current} until it is marked {@code entered-in-error} (FHIR DocumentReference.status). */
public enum DocumentStatus implements Coded {
    CURRENT("current"), ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    DocumentStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<DocumentStatus> {
        public Column() {
            super(DocumentStatus.class);
        }
    }
}

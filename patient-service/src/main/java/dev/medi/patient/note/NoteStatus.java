package dev.medi.patient.note;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/** A clinical note is a {@code draft} until a doctor signs it; a {@code signed} note never changes. */
public enum NoteStatus implements Coded {
    DRAFT("draft"), SIGNED("signed");

    private final String code;

    NoteStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<NoteStatus> {
        public Column() {
            super(NoteStatus.class);
        }
    }
}

package dev.medi.patient.coded;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link Coded} enum as its code (a text column). Hibernate needs one concrete converter class per enum,
 * so each coded enum declares a one-line subclass, e.g.
 * {@code @Converter public static final class Column extends CodedConverter<NoteStatus> { public Column() { super(NoteStatus.class); } }},
 * used with {@code @Convert(converter = NoteStatus.Column.class)}. {@code null} stays {@code null}.
 */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.fromCode(type, code);
    }
}

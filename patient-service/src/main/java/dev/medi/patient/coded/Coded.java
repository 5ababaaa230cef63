package dev.medi.patient.coded;

import java.util.Optional;

/**
 * An enum whose constants have a stable code: the value stored in the database, sent in events and served by the
 * APIs (mostly FHIR codes, e.g. {@code entered-in-error}). The constant's name is Java's business only, so
 * renaming one never changes data. Stored through a {@link CodedConverter}.
 */
public interface Coded {

    String code();

    /** The constant of {@code type} with {@code code}; an unknown code is an {@link IllegalArgumentException}. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " code"));
    }

    /** The constant of {@code type} with {@code code}, or empty (also for {@code null}). */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}

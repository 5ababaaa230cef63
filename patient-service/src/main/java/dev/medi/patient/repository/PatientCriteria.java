package dev.medi.patient.repository;

import dev.medi.patient.record.IdentifierSystems;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Structured patient search criteria (those of FHIR Patient search, parsed at the edge by
 * {@code fhir.PatientSearchParameters}); {@link PatientCriteriaRepository} turns them into SQL.
 */
public final class PatientCriteria {

    private PatientCriteria() {
    }

    /** One parameter occurrence: matches if any of its values match. */
    public sealed interface Criterion permits Ids, Names, BirthDates, Genders, Identifiers, Telecoms, Active {
    }

    public enum NameField { NAME, FAMILY, GIVEN }

    public enum NameMatch { STARTS_WITH, EXACT, CONTAINS }

    public record Ids(List<UUID> anyOf) implements Criterion {
    }

    public record Names(NameField field, NameMatch match, List<String> anyOf) implements Criterion {
    }

    /** Birth date within {@code from}–{@code to} (inclusive) for eq; the other prefixes compare against the range. */
    public record DateBound(String prefix, LocalDate from, LocalDate to) {
    }

    public record BirthDates(List<DateBound> anyOf) implements Criterion {
    }

    /** Administrative gender codes. */
    public record Genders(List<String> anyOf) implements Criterion {
    }

    /**
     * @param system {@code null}: any system; otherwise an absolute URI as FHIR clients send it (see {@link IdentifierSystems})
     * @param value  {@code null}: any value of the system
     * @param noSystem the token was {@code |value}: an identifier without a system (there are none)
     */
    public record IdentifierToken(String system, String value, boolean noSystem) {
    }

    public record Identifiers(List<IdentifierToken> anyOf) implements Criterion {
    }

    public enum TelecomKind { PHONE, EMAIL, UNSUPPORTED }

    /** @param value normalised phone number or e-mail address; {@code null}: any value of the kind */
    public record TelecomToken(TelecomKind kind, String value) {
    }

    public record Telecoms(List<TelecomToken> anyOf) implements Criterion {
    }

    public record Active(boolean value) implements Criterion {
    }
}

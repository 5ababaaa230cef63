package dev.medi.ai.redaction;

import java.time.LocalDate;
import java.util.List;

/**
 * What identifies the patient (and the people in the room), from the record and the transcript's speakers: each of
 * these is replaced by a placeholder before any text reaches a model. Null or empty where unknown.
 */
public record PatientIdentifiers(List<String> names, String mrn, LocalDate birthDate, List<String> phones,
                                 List<String> emails, List<String> addressLines, List<String> otherIdentifiers) {

    public PatientIdentifiers {
        names = names == null ? List.of() : List.copyOf(names);
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        otherIdentifiers = otherIdentifiers == null ? List.of() : List.copyOf(otherIdentifiers);
    }

    public static PatientIdentifiers none() {
        return new PatientIdentifiers(List.of(), null, null, List.of(), List.of(), List.of(), List.of());
    }
}

package dev.medi.patient.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A person's name as FHIR HumanName: family name, given names in order, optional prefix and suffix.
 * Personal data: never log it.
 */
public record HumanName(
        @NotBlank @Size(max = 100) String family,
        @Size(max = 5) List<@NotNull @NotBlank @Size(max = 100) String> given,
        @Size(max = 40) String prefix,
        @Size(max = 40) String suffix) {

    /** Trimmed, blank optional parts dropped, no null list. */
    public HumanName normalised() {
        return new HumanName(family.strip(), given == null ? List.of() : given.stream().map(String::strip).toList(),
                blankToNull(prefix), blankToNull(suffix));
    }

    /** Given names then family name, as the duplicate check and the search compare them (before normalisation). */
    public String searchText() {
        return (given == null ? "" : String.join(" ", given)) + " " + family;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

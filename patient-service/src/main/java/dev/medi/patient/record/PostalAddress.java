package dev.medi.patient.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A postal address (FHIR Address, home use). Personal data: never log it.
 *
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code DE}
 */
public record PostalAddress(
        @Size(max = 4) List<@NotNull @NotBlank @Size(max = 200) String> lines,
        @Size(max = 100) String city,
        @Size(max = 20) String postalCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country) {

    public PostalAddress normalised() {
        return new PostalAddress(lines == null ? List.of() : lines.stream().map(String::strip).toList(),
                HumanName.blankToNull(city), HumanName.blankToNull(postalCode), country);
    }
}

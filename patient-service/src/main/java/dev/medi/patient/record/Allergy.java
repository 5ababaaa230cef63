package dev.medi.patient.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A known allergy or intolerance, in the simple form the front desk and triage record it (a structured
 * FHIR AllergyIntolerance comes with the clinical record). Clinical data: never log it.
 *
 * @param severity of the reaction, as FHIR's reaction severity: {@code mild}, {@code moderate}, {@code severe}
 */
public record Allergy(
        @NotBlank @Size(max = 200) String substance,
        @Size(max = 200) String reaction,
        @Pattern(regexp = "mild|moderate|severe") String severity) {

    public Allergy normalised() {
        return new Allergy(substance.strip(), HumanName.blankToNull(reaction), severity);
    }
}

package dev.medi.patient.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Whom to call (FHIR Patient.contact). Personal data: never log it. */
public record EmergencyContact(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) String relationship,
        @NotNull @Pattern(regexp = Demographics.PHONE_PATTERN, message = Demographics.PHONE_MESSAGE) String phone) {

    public EmergencyContact normalised() {
        return new EmergencyContact(name.strip(), HumanName.blankToNull(relationship), phone.strip());
    }
}

package dev.medi.patient.rest;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.record.AdministrativeGender;
import dev.medi.patient.record.Allergy;
import dev.medi.patient.record.Demographics;
import dev.medi.patient.record.EmergencyContact;
import dev.medi.patient.record.HumanName;
import dev.medi.patient.record.Identifier;
import dev.medi.patient.record.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of a registration. Only {@code name.family}, {@code birthDate} and {@code sex} are required.
 *
 * @param sex FHIR administrative gender: {@code male}, {@code female}, {@code other}, {@code unknown}
 */
public record RegisterPatientRequest(
        @Valid @NotNull HumanName name,
        @NotNull @PastOrPresent @PlausibleBirthDate LocalDate birthDate,
        @NotNull @Pattern(regexp = AdministrativeGender.PATTERN) String sex,
        @Pattern(regexp = Demographics.PHONE_PATTERN, message = Demographics.PHONE_MESSAGE) String phone,
        @Email @Size(max = 254) String email,
        @Valid PostalAddress address,
        @Size(max = 10) List<@NotNull @Valid Identifier> identifiers,
        @Size(max = 50) List<@NotNull @Valid Allergy> allergies,
        @Valid EmergencyContact emergencyContact) {

    Demographics toDemographics() {
        return new Demographics(name, birthDate, Coded.fromCode(AdministrativeGender.class, sex), phone, email, address,
                identifiers == null ? List.of() : identifiers, allergies == null ? List.of() : allergies, emergencyContact);
    }
}

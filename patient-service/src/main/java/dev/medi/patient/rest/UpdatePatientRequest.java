package dev.medi.patient.rest;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.record.AdministrativeGender;
import dev.medi.patient.record.Allergy;
import dev.medi.patient.record.Demographics;
import dev.medi.patient.record.EmergencyContact;
import dev.medi.patient.record.HumanName;
import dev.medi.patient.record.Identifier;
import dev.medi.patient.record.PatientChanges;
import dev.medi.patient.record.PostalAddress;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Body of a correction: absent fields stay as they are; a given field replaces the value (a list replaces
 * the whole list, the name replaces the whole name); fields named in {@code clear} are removed.
 *
 * @param clear optional fields to remove: {@code phone}, {@code email}, {@code address}, {@code identifiers},
 *              {@code allergies}, {@code emergencyContact}
 */
public record UpdatePatientRequest(
        @Valid HumanName name,
        @PastOrPresent @PlausibleBirthDate LocalDate birthDate,
        @Pattern(regexp = AdministrativeGender.PATTERN) String sex,
        @Pattern(regexp = Demographics.PHONE_PATTERN, message = Demographics.PHONE_MESSAGE) String phone,
        @Email @Size(max = 254) String email,
        @Valid PostalAddress address,
        @Size(max = 10) List<@NotNull @Valid Identifier> identifiers,
        @Size(max = 50) List<@NotNull @Valid Allergy> allergies,
        @Valid EmergencyContact emergencyContact,
        @Size(max = 6) Set<@NotNull @Pattern(regexp = PatientChanges.Field.PATTERN) String> clear) {

    PatientChanges toChanges() {
        Set<PatientChanges.Field> fields = clear == null ? Set.of()
                : clear.stream().map(PatientChanges.Field::ofApiName).collect(Collectors.toSet());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (PatientChanges.Field field : fields) {
            Object given = switch (field) {
                case PHONE -> phone;
                case EMAIL -> email;
                case ADDRESS -> address;
                case IDENTIFIERS -> identifiers;
                case ALLERGIES -> allergies;
                case EMERGENCY_CONTACT -> emergencyContact;
            };
            if (given != null) {
                errors.add(new Problem.FieldError("clear", field.apiName() + " is both given and cleared"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "A field cannot be changed and cleared at once.", errors);
        }
        return new PatientChanges(name, birthDate, sex == null ? null : Coded.fromCode(AdministrativeGender.class, sex), phone, email,
                address, identifiers, allergies, emergencyContact, fields);
    }
}

package dev.medi.patient.record;

import java.time.LocalDate;
import java.util.List;

/** Everything registration records about a person. Personal data: never log it. */
public record Demographics(
        HumanName name,
        LocalDate birthDate,
        AdministrativeGender sex,
        String phone,
        String email,
        PostalAddress address,
        List<Identifier> identifiers,
        List<Allergy> allergies,
        EmergencyContact emergencyContact) {

    /** Digits, spaces and the usual separators, optionally a leading {@code +}; at least four digits. */
    public static final String PHONE_PATTERN = "\\+?(?:[ ()./-]*[0-9]){4,15}[ ()./-]*";
    public static final String PHONE_MESSAGE = "must be a phone number: digits, optionally a leading + and separators";
}

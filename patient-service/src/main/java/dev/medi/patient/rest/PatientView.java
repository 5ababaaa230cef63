package dev.medi.patient.rest;

import dev.medi.patient.record.Allergy;
import dev.medi.patient.record.EmergencyContact;
import dev.medi.patient.record.HumanName;
import dev.medi.patient.record.Identifier;
import dev.medi.patient.record.Patient;
import dev.medi.patient.record.PostalAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient record as the API shows it. {@code status} is {@code active} or {@code entered-in-error} (the
 * latter only ever shown to admins, with {@code enteredInError}). {@code version} is also the ETag.
 */
public record PatientView(
        UUID id,
        String mrn,
        String status,
        HumanName name,
        LocalDate birthDate,
        String sex,
        String phone,
        String email,
        PostalAddress address,
        List<Identifier> identifiers,
        List<Allergy> allergies,
        EmergencyContact emergencyContact,
        boolean duplicateOverride,
        List<UUID> possibleDuplicates,
        EnteredInError enteredInError,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    /** When, by whom and why the record was retired. */
    public record EnteredInError(Instant at, String by, String reason) {
    }

    static PatientView of(Patient patient) {
        return new PatientView(patient.id(), patient.mrn(), patient.status().code(), patient.name(), patient.birthDate(),
                patient.sex().code(), patient.phone(), patient.email(), patient.address(), patient.identifiers(),
                patient.allergies(), patient.emergencyContact(), patient.duplicateOverride(),
                patient.duplicateCandidates(),
                patient.enteredInErrorAt() == null ? null : new EnteredInError(patient.enteredInErrorAt(),
                        patient.enteredInErrorBy(), patient.enteredInErrorReason()),
                patient.createdAt(), patient.createdBy(), patient.updatedAt(), patient.updatedBy(), patient.version());
    }
}

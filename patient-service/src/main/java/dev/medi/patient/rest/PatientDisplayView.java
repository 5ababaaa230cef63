package dev.medi.patient.rest;

import dev.medi.patient.record.HumanName;
import dev.medi.patient.service.PatientDisplayService;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Who a queue entry is: enough to call the right person, nothing clinical.
 *
 * @param sex FHIR administrative gender
 */
public record PatientDisplayView(UUID queueEntryId, UUID patientId, HumanName name, LocalDate birthDate, String sex,
                                 String mrn) {

    static PatientDisplayView of(PatientDisplayService.EntryPatient entry) {
        var patient = entry.patient();
        return new PatientDisplayView(entry.queueEntryId(), patient.id(), patient.name(), patient.birthDate(),
                patient.sex().code(), patient.mrn());
    }
}

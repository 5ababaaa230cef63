package dev.medi.patient.rest;

import dev.medi.patient.record.HumanName;
import dev.medi.patient.service.PatientSearchService;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A search result: enough to tell people apart at the desk.
 *
 * @param match {@code exact} (the query was the MRN or an identifier), {@code name} (matched by name),
 *              {@code filter} (no name query: birth date, phone or MRN only)
 * @param score name match quality, 0–1 (1 for exact matches, 0 without a name query)
 */
public record PatientSummary(UUID id, String mrn, String status, HumanName name, LocalDate birthDate, String sex,
                             String phone, String match, double score) {

    static PatientSummary of(PatientSearchService.Found found, boolean nameQuery) {
        var patient = found.patient();
        String match = found.tier() == 0 ? "exact" : nameQuery ? "name" : "filter";
        return new PatientSummary(patient.id(), patient.mrn(), patient.status().code(), patient.name(),
                patient.birthDate(), patient.sex().code(), patient.phone(), match,
                Math.round(found.score() * 10_000) / 10_000.0);
    }
}

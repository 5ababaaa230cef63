package dev.medi.ai.rest;

import dev.medi.ai.triage.TriageComplaints;
import dev.medi.ai.triage.TriageVitals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * What the triage form asks about: the department (the caller must work in it), the queue entry when the patient
 * is in the queue (the suggestion is then joined with the nurse's final level), the chief complaint, the age in
 * years when known and the vitals measured so far. Unknown fields are refused.
 */
public record TriageSuggestionRequest(
        @NotNull UUID departmentId,
        UUID queueEntryId,
        @NotBlank @Size(max = TriageComplaints.MAX_LENGTH) String chiefComplaint,
        @Min(0) @Max(150) Integer ageYears,
        @Valid TriageVitals vitals) {
}

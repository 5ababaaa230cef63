package dev.medi.queue.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of a check-in.
 *
 * @param patientId      the registered patient, or absent for an arrival not yet registered
 * @param chiefComplaint reason for the visit in the patient's words
 */
public record CheckInRequest(
        UUID patientId,
        @NotBlank @Size(max = 500) String chiefComplaint) {
}

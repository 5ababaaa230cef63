package dev.medi.queue.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of a check-in: a registered patient, or a minimal unregistered arrival (a name to call them by).
 *
 * @param patientId      the registered patient
 * @param arrivalName    for an arrival not yet registered: the name given at the desk
 * @param chiefComplaint reason for the visit in the patient's words
 */
public record CheckInRequest(
        UUID patientId,
        @Size(min = 1, max = 200) String arrivalName,
        @NotBlank @Size(max = 500) String chiefComplaint) {

    @AssertTrue(message = "give either patientId or arrivalName")
    public boolean isPatientOrArrivalName() {
        return (patientId == null) != (arrivalName == null || arrivalName.isBlank());
    }
}
